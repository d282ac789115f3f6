# What building Phum on a host needs, for the scripts that build it (sourced by scripts/test and
# scripts/demo; not run on its own). It owns two checks and nothing else:
#  - the Rust toolchain: cargo and a rustc at least as new as the workspace's rust-version
#    (Cargo.toml); it never installs Rust, it says how (rustup);
#  - Debian/Ubuntu packages: installs with apt-get (sudo when not root) the ones missing.
# A host build compiles SQLCipher from source with the C compiler and links the system's libcrypto
# (libssl-dev); only Android builds compile OpenSSL too (and so need perl and make: core/Cargo.toml).
#
# Usage (from the repository root):
#   source scripts/lib/prerequisites.sh
#   prerequisites_install [--command CMD PACKAGE]... [PACKAGE]...   # extra needs of the caller

# Exits with a message unless cargo and a new enough rustc are on PATH.
prerequisites_check_rust() {
  local required have
  required=$(sed -n 's/^rust-version *= *"\([0-9.]*\)".*/\1/p' Cargo.toml | head -n 1)
  if ! command -v cargo >/dev/null 2>&1 || ! command -v rustc >/dev/null 2>&1; then
    cat >&2 <<EOF
Rust is missing. Install the stable toolchain (Rust $required or newer) with rustup:
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y
  . "\$HOME/.cargo/env"
EOF
    exit 1
  fi
  have=$(rustc --version | awk '{ print $2 }')
  # sort -V puts the older version first; 1.89 sorts before 1.89.0, so equal versions pass.
  if [ "$(printf '%s\n%s\n' "$required" "${have%%-*}" | sort -V | head -n 1)" != "$required" ]; then
    {
      echo "rustc $have is older than Rust $required, the workspace's rust-version (Cargo.toml)."
      if command -v rustup >/dev/null 2>&1; then
        echo "Update it with: rustup update stable && rustup default stable"
      else
        echo "Install the stable toolchain with rustup (a distribution's rustc package is often too old):"
        echo "  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y"
        echo "  . \"\$HOME/.cargo/env\""
      fi
    } >&2
    exit 1
  fi
}

# True when the Debian package is installed.
prerequisites_has_package() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# Checks Rust, then installs what the build needs (and the caller's extra needs) when missing.
# --command CMD PACKAGE: needed is the command CMD, from PACKAGE when missing (any other provider
# of CMD will do); a bare PACKAGE: needed is that Debian package.
prerequisites_install() {
  prerequisites_check_rust
  # The C compiler cc builds SQLCipher with; libc's headers; libcrypto's headers and library.
  local args=(--command cc gcc libc6-dev libssl-dev "$@") need=()
  while [ ${#args[@]} -gt 0 ]; do
    if [ "${args[0]}" = --command ]; then
      command -v "${args[1]}" >/dev/null 2>&1 || need+=("${args[2]}")
      args=("${args[@]:3}")
    else
      command -v dpkg-query >/dev/null 2>&1 && ! prerequisites_has_package "${args[0]}" && need+=("${args[0]}")
      args=("${args[@]:1}")
    fi
  done
  [ ${#need[@]} -gt 0 ] || return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "missing: ${need[*]} (Debian package names); install them and run again" >&2
    exit 1
  fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "missing: ${need[*]}; run as root or install them: apt-get install ${need[*]}" >&2
      exit 1
    fi
    sudo=(sudo)
  fi
  echo "installing: ${need[*]}"
  ${sudo[@]+"${sudo[@]}"} apt-get update -qq
  ${sudo[@]+"${sudo[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
}
