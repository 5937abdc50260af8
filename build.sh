#!/usr/bin/env bash
# Bootstrapper: finds the installed dotnet, rebuilds build/_build.csproj only when the build's sources changed
# (stamp under .nuke/temp/), then runs build/bin/_build.dll with all arguments.
# Freshness: when the build's input files have the same paths, sizes and modification times as at the last check, the
# dll runs at once; otherwise their content hash decides, so a touch or a checkout without change does not rebuild,
# while an edit, an added or a deleted file always does.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

BUILD_PROJECT="build/_build.csproj"
BUILD_DLL="build/bin/_build.dll"
STAMP_FILE=".nuke/temp/build.stamp"
LISTING_FILE=".nuke/temp/build.listing"
DIRS_FILE=".nuke/temp/build.dirs"

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

# The build's input files under the given project directories (sources, project files, global.json and
# Directory.*.props), one "size mtime path" line each, sorted by path: a single find, nothing read or hashed.
listing() {
    local top=() file
    for file in global.json Directory.*.props; do
        [[ -f "$file" ]] && top+=("$file")
    done
    find "$@" "${top[@]}" \( -name bin -o -name obj \) -prune -o -type f \
        \( -name '*.cs' -o -name '*.csproj' -o -name global.json -o -name 'Directory.*.props' \) -printf '%s %T@ %p\n' \
        | LC_ALL=C sort -t ' ' -k3
}

# SHA-256 over the contents of the files of a listing.
content_hash() {
    cut -d' ' -f3- <<<"$1" | xargs -d '\n' sha256sum | sha256sum | cut -d' ' -f1
}

save_atomically() {
    local file="$1" text="$2"
    mkdir -p "$(dirname "$file")"
    printf '%s\n' "$text" > "$file.tmp.$$" && mv "$file.tmp.$$" "$file"
}

DOTNET="$(find_dotnet)" || { echo "error: dotnet not found: install the .NET SDK required by global.json ($(grep -o '"version": *"[^"]*"' global.json | cut -d'"' -f4) or a later feature band) from https://dot.net and put it on PATH." >&2; exit 1; }
export DOTNET_EXE="$DOTNET"

# Cheap check: the same files with the same sizes and modification times as at the last check.
if [[ -f "$BUILD_DLL" && -f "$STAMP_FILE" && -f "$LISTING_FILE" && -f "$DIRS_FILE" ]]; then
    mapfile -t dirs < "$DIRS_FILE"
    if [[ "$(listing "${dirs[@]}" 2>/dev/null)" == "$(< "$LISTING_FILE")" ]]; then
        exec "$DOTNET" "$BUILD_DLL" "$@"
    fi
fi

# Something was touched, added, deleted or edited (or this is the first run): the content hash decides.
mapfile -t dirs < <(project_dirs)
LISTING="$(listing "${dirs[@]}")"
STAMP="$(content_hash "$LISTING")"
if [[ -f "$BUILD_DLL" && -f "$STAMP_FILE" && "$(cat "$STAMP_FILE")" == "$STAMP" ]]; then
    save_atomically "$DIRS_FILE" "$(printf '%s\n' "${dirs[@]}")"
    save_atomically "$LISTING_FILE" "$LISTING"
    exec "$DOTNET" "$BUILD_DLL" "$@"
fi

if ! "$DOTNET" --version >/dev/null 2>&1; then
    echo "error: no installed .NET SDK satisfies global.json ($(tr -d '\n ' < global.json)); install a matching SDK from https://dot.net (installed: $("$DOTNET" --list-sdks 2>/dev/null | cut -d' ' -f1 | tr '\n' ' '))." >&2
    exit 1
fi

"$DOTNET" build "$BUILD_PROJECT" -c Debug -nologo -clp:NoSummary -v:q >&2 || { echo "error: compiling $BUILD_PROJECT failed (see above)." >&2; exit 1; }
# The listing and hash were taken before compiling: an edit made meanwhile is seen by the next run.
save_atomically "$STAMP_FILE" "$STAMP"
save_atomically "$DIRS_FILE" "$(printf '%s\n' "${dirs[@]}")"
save_atomically "$LISTING_FILE" "$LISTING"
exec "$DOTNET" "$BUILD_DLL" "$@"
