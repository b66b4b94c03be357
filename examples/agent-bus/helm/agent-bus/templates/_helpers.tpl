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
