# Shared set-up for scripts/run and scripts/test (sourced, not run).
# Installs what the project needs on a fresh Debian machine, then the Python packages.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PY="$VENV/bin/python"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# ensure_debian_packages PKG... : install the Debian packages that are missing (as root, with apt).
ensure_debian_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    say "Missing Debian packages: ${missing[*]}. Install them with: sudo apt-get install ${missing[*]}"
    return 1
  fi
  say "Installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# ensure_python REQUIREMENTS_FILE : a virtualenv in .venv with the pinned packages.
ensure_python() {
  local requirements="$1"
  if [ ! -x "$PY" ]; then
    python3 -m venv "$VENV" 2>/dev/null || { ensure_debian_packages python3-venv && python3 -m venv "$VENV"; }
  fi
  local stamp="$VENV/.installed-$(basename "$requirements")"
  if [ ! -f "$stamp" ] || [ -n "$(find "$ROOT" -maxdepth 1 -name 'requirements*.txt' -newer "$stamp")" ]; then
    say "Installing Python packages from $requirements"
    "$PY" -m pip install -q --disable-pip-version-check -r "$ROOT/$requirements"
    touch "$stamp"
  fi
}

compile_translations() {
  (cd "$ROOT" && DEBUG=1 "$PY" manage.py compilemessages -v0 --ignore=.venv)
}
