#!/usr/bin/env bash
# Bootstrapper: finds the installed dotnet, rebuilds build/_build.csproj only when the build's sources changed
# (stamp under .nuke/temp/), then runs build/bin/_build.dll with all arguments.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

BUILD_PROJECT="build/_build.csproj"
BUILD_DLL="build/bin/_build.dll"
STAMP_FILE=".nuke/temp/build.stamp"

find_dotnet() {
    local candidate
    for candidate in "${DOTNET_EXE:-}" "$(command -v dotnet 2>/dev/null || true)" "$HOME/.dotnet/dotnet" /usr/share/dotnet/dotnet /usr/lib/dotnet/dotnet; do
        if [[ -n "$candidate" && -x "$candidate" ]]; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

# Project directories the build compiles: build/ and its ProjectReferences, transitively.
project_dirs() {
    local queue=("build") seen=() dir ref
    while ((${#queue[@]})); do
        dir="${queue[0]}"
        queue=("${queue[@]:1}")
        [[ " ${seen[*]-} " == *" $dir "* ]] && continue
        seen+=("$dir")
        for csproj in "$dir"/*.csproj; do
            [[ -f "$csproj" ]] || continue
            while read -r ref; do
                queue+=("$(realpath --relative-to=. "$dir/$(dirname "${ref//\\//}")")")
            done < <(grep -o 'ProjectReference Include="[^"]*"' "$csproj" | sed 's/.*Include="\([^"]*\)"/\1/')
        done
    done
    printf '%s\n' "${seen[@]}"
}

compute_stamp() {
    {
        mapfile -t dirs < <(project_dirs)
        find "${dirs[@]}" \( -name bin -o -name obj \) -prune -o -type f \( -name '*.cs' -o -name '*.csproj' \) -print
        ls global.json Directory.*.props 2>/dev/null
    } | LC_ALL=C sort -u | xargs -d '\n' sha256sum | sha256sum | cut -d' ' -f1
}

DOTNET="$(find_dotnet)" || { echo "error: dotnet not found: install the .NET SDK required by global.json ($(grep -o '"version": *"[^"]*"' global.json | cut -d'"' -f4) or a later feature band) from https://dot.net and put it on PATH." >&2; exit 1; }
export DOTNET_EXE="$DOTNET"

STAMP="$(compute_stamp)"
if [[ -f "$BUILD_DLL" && -f "$STAMP_FILE" && "$(cat "$STAMP_FILE")" == "$STAMP" ]]; then
    exec "$DOTNET" "$BUILD_DLL" "$@"
fi

if ! "$DOTNET" --version >/dev/null 2>&1; then
    echo "error: no installed .NET SDK satisfies global.json ($(tr -d '\n ' < global.json)); install a matching SDK from https://dot.net (installed: $("$DOTNET" --list-sdks 2>/dev/null | cut -d' ' -f1 | tr '\n' ' '))." >&2
    exit 1
fi

"$DOTNET" build "$BUILD_PROJECT" -c Debug -nologo -clp:NoSummary -v:q >&2 || { echo "error: compiling $BUILD_PROJECT failed (see above)." >&2; exit 1; }
mkdir -p "$(dirname "$STAMP_FILE")"
echo "$STAMP" > "$STAMP_FILE.tmp" && mv "$STAMP_FILE.tmp" "$STAMP_FILE"
exec "$DOTNET" "$BUILD_DLL" "$@"
