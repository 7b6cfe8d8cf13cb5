<#
.SYNOPSIS
  Remove what Claims Desktop left in the profile of the user who runs this script.

.DESCRIPTION
  Run as the user (for example from a logon script or as an Intune "user" script)
  after uninstalling Claims Desktop. Removes %LOCALAPPDATA%\claims-desktop (the
  settings file: no patient data, only the last accepted privacy-policy version) and
  any Windows Credential Manager entry of the "claims-desktop" service (normally none:
  sign-out and quitting delete the session token). Exported claim files are wherever
  the user saved them and are not touched.
#>
$ErrorActionPreference = "Stop"

$folder = Join-Path $env:LOCALAPPDATA "claims-desktop"
if (Test-Path -LiteralPath $folder) {
    Remove-Item -LiteralPath $folder -Recurse -Force
    Write-Output "removed $folder"
}

# keyring names the entries "claims-desktop" or "<origin>@claims-desktop".
$targets = cmdkey /list | ForEach-Object {
    if ($_ -match "Target:\s*(?:LegacyGeneric:target=)?(.*claims-desktop)\s*$") { $Matches[1] }
}
foreach ($target in $targets) {
    cmdkey "/delete:$target" | Out-Null
    Write-Output "removed credential $target"
}
