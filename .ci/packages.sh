# shellcheck shell=bash
# Installs the Debian packages the tests use, in one apt-get run, when any is missing:
#   chromium, fonts-noto-core   the HTML/PDF report tests drive a real browser (playwright-core),
#                               with Noto fonts for Devanagari and the other Indic scripts
#   poppler-utils               pdftotext, to read back the PDF reports; pdftoppm for the
#                               printed workbook's screenshots (test/visual/xlsx-print)
#   redis-server                the shared rate gate and the worker queue (social-reach/redis)
#   postgresql                  the PostgreSQL store's integration tests (.ci/postgres.sh)
#   libreoffice-calc-nogui      soffice: a CSV registry saved by LibreOffice (test/cli), the
#                               workbook printed to PDF (test/visual/xlsx-print)
#   systemd                     systemd-analyze verify on docs/scheduling.md's units
#   openssl                     a certificate for the TLS server behind the proxy test
#
#   source .ci/packages.sh      # returns non-zero when an install was needed and failed
#
# Sourced, so it never calls `exit` in the caller's shell. Without root it only says what is missing.

_sr_missing_packages() {
  local pkg
  for pkg in chromium fonts-noto-core poppler-utils redis-server postgresql libreoffice-calc-nogui systemd openssl; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || echo "$pkg"
  done
}

install_test_packages() {
  local missing
  missing="$(_sr_missing_packages | tr '\n' ' ')"
  [ -z "${missing// /}" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "packages.sh: missing Debian packages: $missing(run as root: apt-get install $missing)" >&2
    return 1
  fi
  echo "packages.sh: installing $missing with apt-get (quietly)..."
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing \
      >/dev/null 2>&1 || {
    echo "packages.sh: apt-get install $missing failed" >&2
    return 1
  }
}

install_test_packages
