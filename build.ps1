#!/usr/bin/env pwsh
# Bootstrapper: finds the installed dotnet, rebuilds build/_build.csproj only when the build's sources changed
# (stamp under .nuke/temp/), then runs build/bin/_build.dll with all arguments.
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot

$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

$BuildProject = 'build/_build.csproj'
$BuildDll = 'build/bin/_build.dll'
$StampFile = '.nuke/temp/build.stamp'

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
    return $seen
}

function Get-Stamp {
    $root = (Get-Location).Path
    $files = foreach ($dir in Get-ProjectDirectories) {
        Get-ChildItem -Path $dir -Recurse -File -Include '*.cs', '*.csproj' |
            Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' } |
            ForEach-Object { [System.IO.Path]::GetRelativePath($root, $_.FullName) -replace '\\', '/' }
    }
    $files += Get-ChildItem -Path . -File | Where-Object { $_.Name -eq 'global.json' -or $_.Name -like 'Directory.*.props' } |
        ForEach-Object { $_.Name }
    $sha = [System.Security.Cryptography.SHA256]::Create()
    $builder = [System.Text.StringBuilder]::new()
    foreach ($file in ($files | Sort-Object -Unique -CaseSensitive)) {
        $hash = [System.Convert]::ToHexString($sha.ComputeHash([System.IO.File]::ReadAllBytes((Join-Path $root $file))))
        [void]$builder.Append("$hash  $file`n")
    }
    return [System.Convert]::ToHexString($sha.ComputeHash([System.Text.Encoding]::UTF8.GetBytes($builder.ToString())))
}

$DotNet = Find-DotNet
if (-not $DotNet) {
    $version = (Get-Content global.json -Raw | ConvertFrom-Json).sdk.version
    Write-Error "dotnet not found: install the .NET SDK required by global.json ($version or a later feature band) from https://dot.net and put it on PATH." -ErrorAction Continue
    exit 1
}
$env:DOTNET_EXE = $DotNet

$Stamp = Get-Stamp
if ((Test-Path $BuildDll) -and (Test-Path $StampFile) -and ((Get-Content $StampFile -Raw).Trim() -eq $Stamp)) {
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
New-Item -ItemType Directory -Force -Path (Split-Path $StampFile) | Out-Null
Set-Content -Path "$StampFile.tmp" -Value $Stamp -NoNewline
Move-Item -Force "$StampFile.tmp" $StampFile
& $DotNet $BuildDll @args
exit $LASTEXITCODE
