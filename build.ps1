#!/usr/bin/env pwsh
# Bootstrapper: finds the installed dotnet, rebuilds build/_build.csproj only when the build's sources changed
# (stamp under .nuke/temp/), then runs build/bin/_build.dll with all arguments.
# Freshness: when the build's input files have the same paths, sizes and modification times as at the last check, the
# dll runs at once; otherwise their content hash decides, so a touch or a checkout without change does not rebuild,
# while an edit, an added or a deleted file always does.
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot

$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

$BuildProject = 'build/_build.csproj'
$BuildDll = 'build/bin/_build.dll'
$StampFile = '.nuke/temp/build.stamp'
$ListingFile = '.nuke/temp/build.listing'
$DirsFile = '.nuke/temp/build.dirs'

function Find-DotNet {
    $candidates = @($env:DOTNET_EXE, (Get-Command dotnet -ErrorAction SilentlyContinue | Select-Object -First 1 -ExpandProperty Source),
        (Join-Path $HOME '.dotnet/dotnet'), (Join-Path $HOME '.dotnet/dotnet.exe'), '/usr/share/dotnet/dotnet', '/usr/lib/dotnet/dotnet')
    foreach ($candidate in $candidates) {
        if ($candidate -and (Test-Path $candidate -PathType Leaf)) { return $candidate }
    }
    return $null
}

# Project directories the build compiles: build/ and its ProjectReferences, transitively.
function Get-ProjectDirectories {
    $queue = [System.Collections.Generic.Queue[string]]::new()
    $queue.Enqueue((Resolve-Path 'build').Path)
    $seen = [System.Collections.Generic.List[string]]::new()
    while ($queue.Count -gt 0) {
        $dir = $queue.Dequeue()
        if ($seen.Contains($dir)) { continue }
        $seen.Add($dir)
        foreach ($csproj in Get-ChildItem -Path $dir -Filter '*.csproj' -File) {
            foreach ($match in [regex]::Matches((Get-Content $csproj.FullName -Raw), 'ProjectReference Include="([^"]*)"')) {
                $reference = Join-Path $dir ($match.Groups[1].Value -replace '\\', '/')
                $queue.Enqueue([System.IO.Path]::GetFullPath((Split-Path $reference -Parent)))
            }
        }
    }
    $root = (Get-Location).Path
    return $seen | ForEach-Object { [System.IO.Path]::GetRelativePath($root, $_) -replace '\\', '/' }
}

# The build's input files under the given project directories (sources, project files, global.json and
# Directory.*.props), one "size ticks path" line each, sorted by path: nothing read or hashed.
function Get-Listing([string[]] $Directories) {
    $root = (Get-Location).Path
    $files = @(foreach ($dir in $Directories) {
        Get-ChildItem -Path (Join-Path $root $dir) -Recurse -File -Include '*.cs', '*.csproj', 'global.json', 'Directory.*.props' -ErrorAction SilentlyContinue |
            Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' }
    })
    $files += @(Get-ChildItem -Path $root -File | Where-Object { $_.Name -eq 'global.json' -or $_.Name -like 'Directory.*.props' })
    $entries = @{}
    foreach ($file in $files) {
        $relative = [System.IO.Path]::GetRelativePath($root, $file.FullName) -replace '\\', '/'
        $entries[$relative] = "$($file.Length) $($file.LastWriteTimeUtc.Ticks) $relative"
    }
    $keys = [string[]]@($entries.Keys)
    [System.Array]::Sort($keys, [System.StringComparer]::Ordinal)
    return (@($keys | ForEach-Object { $entries[$_] }) -join "`n")
}

# SHA-256 over the contents of the files of a listing.
function Get-Stamp([string] $Listing) {
    $root = (Get-Location).Path
    $sha = [System.Security.Cryptography.SHA256]::Create()
    $builder = [System.Text.StringBuilder]::new()
    foreach ($line in ($Listing -split "`n" | Where-Object { $_ })) {
        $file = $line.Split(' ', 3)[2]
        $hash = [System.Convert]::ToHexString($sha.ComputeHash([System.IO.File]::ReadAllBytes((Join-Path $root $file))))
        [void]$builder.Append("$hash  $file`n")
    }
    return [System.Convert]::ToHexString($sha.ComputeHash([System.Text.Encoding]::UTF8.GetBytes($builder.ToString())))
}

function Save-Atomically([string] $File, [string] $Text) {
    New-Item -ItemType Directory -Force -Path (Split-Path $File) | Out-Null
    Set-Content -Path "$File.tmp.$PID" -Value $Text -NoNewline
    Move-Item -Force "$File.tmp.$PID" $File
}

$DotNet = Find-DotNet
if (-not $DotNet) {
    $version = (Get-Content global.json -Raw | ConvertFrom-Json).sdk.version
    Write-Error "dotnet not found: install the .NET SDK required by global.json ($version or a later feature band) from https://dot.net and put it on PATH." -ErrorAction Continue
    exit 1
}
$env:DOTNET_EXE = $DotNet

# Cheap check: the same files with the same sizes and modification times as at the last check.
if ((Test-Path $BuildDll) -and (Test-Path $StampFile) -and (Test-Path $ListingFile) -and (Test-Path $DirsFile)) {
    $cachedDirs = @(Get-Content $DirsFile | Where-Object { $_ })
    if ((Get-Listing $cachedDirs) -eq (Get-Content $ListingFile -Raw)) {
        & $DotNet $BuildDll @args
        exit $LASTEXITCODE
    }
}

# Something was touched, added, deleted or edited (or this is the first run): the content hash decides.
$Dirs = @(Get-ProjectDirectories)
$Listing = Get-Listing $Dirs
$Stamp = Get-Stamp $Listing
if ((Test-Path $BuildDll) -and (Test-Path $StampFile) -and ((Get-Content $StampFile -Raw).Trim() -eq $Stamp)) {
    Save-Atomically $DirsFile ($Dirs -join "`n")
    Save-Atomically $ListingFile $Listing
    & $DotNet $BuildDll @args
    exit $LASTEXITCODE
}

& $DotNet --version *> $null
if ($LASTEXITCODE -ne 0) {
    Write-Error "No installed .NET SDK satisfies global.json; install a matching SDK from https://dot.net." -ErrorAction Continue
    exit 1
}

& $DotNet build $BuildProject -c Debug -nologo -clp:NoSummary -v:q
if ($LASTEXITCODE -ne 0) {
    Write-Error "Compiling $BuildProject failed (see above)." -ErrorAction Continue
    exit 1
}
# The listing and hash were taken before compiling: an edit made meanwhile is seen by the next run.
Save-Atomically $StampFile $Stamp
Save-Atomically $DirsFile ($Dirs -join "`n")
Save-Atomically $ListingFile $Listing
& $DotNet $BuildDll @args
exit $LASTEXITCODE
