#!/usr/bin/env bash
# Runs a command (npm test in .github/workflows/desktop.yml) the way it runs on a Linux desktop: an X display
# (xvfb-run), a D-Bus session, and an unlocked GNOME keyring, so that Electron's safeStorage seals secrets with
# libsecret rather than the unprotected basic_text backend it falls back to where no keyring answers.
set -euo pipefail
exec dbus-run-session -- bash -c '
  set -euo pipefail
  # A throwaway keyring for this session: created and unlocked with a password nobody needs again.
  printf "%s" "depot-remote-ci" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  # Chromium picks its keyring by desktop: GNOME means libsecret (an unknown desktop means basic_text).
  export XDG_CURRENT_DESKTOP=GNOME
  exec xvfb-run --auto-servernum --server-args="-screen 0 1280x800x24" "$@"
' bash "$@"
