{{- define "agent-bus.fullname" -}}
{{- printf "%s" .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "agent-bus.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "agent-bus.image" -}}
{{- if not .Values.image.tag -}}
{{- fail "image.tag is required (slipway deploy sets it to the version)" -}}
{{- end -}}
{{ printf "%s:%s" .Values.image.repository .Values.image.tag }}
{{- end -}}

{{/* The api's replicas without a canary: the autoscaler's minimum when it is on. */}}
{{- define "agent-bus.apiReplicas" -}}
{{- if .Values.api.autoscaling.enabled -}}{{ int .Values.api.autoscaling.minReplicas }}{{- else -}}{{ int .Values.api.replicas }}{{- end -}}
{{- end -}}

{{/* The canary's replicas: canary.weight percent of the api's, rounded up (at least 1 while the weight is above 0). */}}
{{- define "agent-bus.canaryReplicas" -}}
{{- $total := int (include "agent-bus.apiReplicas" .) -}}
{{- $weight := int (.Values.canary.weight | default 0) -}}
{{- div (add (mul $total $weight) 99) 100 -}}
{{- end -}}
