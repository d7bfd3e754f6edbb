# Sourced by ./harbinger, ./verify and .ci/run: exports JAVA_HOME pointing at a JDK 21 or newer.
# Looks at $JAVA_HOME, then the JDKs under /usr/lib/jvm (newest first), then `java` on the PATH.
# Installs Debian's openjdk-21 (or newer) only when none is found.

_harbinger_jdk_version() {  # prints the feature version of the JDK at $1, or nothing
  [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}

_harbinger_find_jdk() {
  local candidate v
  for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV) \
                   "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$candidate" ] || continue
    candidate=${candidate%/}
    v=$(_harbinger_jdk_version "$candidate")
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then echo "$candidate"; return 0; fi
  done
  return 1
}

if ! JAVA_HOME=$(_harbinger_find_jdk); then
  echo "No JDK 21+ found; installing one from Debian's packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  pkg=$(apt-cache pkgnames openjdk- | grep -E '^openjdk-(2[1-9]|[3-9][0-9])-jdk-headless$' | sort -V | tail -1)
  apt-get install -y -qq --no-install-recommends "${pkg:-openjdk-21-jdk-headless}" >&2
  JAVA_HOME=$(_harbinger_find_jdk) || { echo "still no JDK 21+ after install" >&2; return 1 2>/dev/null || exit 1; }
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

if ! command -v mvn >/dev/null 2>&1; then
  echo "Maven not found; installing Debian's maven" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends maven >&2
fi
