#!/usr/bin/env bash
# The Debian packages the integration tests run for real, installed when missing:
#   redis-server             the shared cache tier (tests start and stop their own server)
#   prometheus-alertmanager  the receiver alerting's Alertmanager v2 delivery is tested against
#   chromium, chromium-driver  the headless browser the dashboard is tested in (Selenium)
#   prometheus               its promtool checks the scrape config, alert rules and their unit tests (deploy/prometheus)
# Sourced or run by ./verify; needs root (or sudo) only when something is missing.
set -euo pipefail
need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
{ command -v prometheus-alertmanager >/dev/null 2>&1 || [ -x /usr/bin/prometheus-alertmanager ]; } || need+=(prometheus-alertmanager)
command -v promtool >/dev/null 2>&1 || need+=(prometheus)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing test packages: ${need[*]}" >&2
  sudo_=""; [ "$(id -u)" -eq 0 ] || sudo_="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_ apt-get update -qq >/dev/null
  # no services started by the package scripts: the tests start their own, on loopback, by PID
  printf '#!/bin/sh\nexit 101\n' | $sudo_ tee /usr/sbin/policy-rc.d >/dev/null && $sudo_ chmod +x /usr/sbin/policy-rc.d
  $sudo_ apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  $sudo_ rm -f /usr/sbin/policy-rc.d
fi
