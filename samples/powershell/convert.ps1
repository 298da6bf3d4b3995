<#
.SYNOPSIS
    Regenerates the serializer samples of samples/powershell/ (the *-pwsh7.6.9-from-*.txt files).

.DESCRIPTION
    Get-NetTCPConnection and Get-NetUDPEndpoint do not exist on Linux, and no genuine capture of their JSON, CSV,
    list or AutoSize output was found in public. So this script takes the VALUES of genuine captures kept in samples/
    (default tables of Get-NetTCPConnection; `netstat -anob` listings for UDP endpoints and process names), rebuilds
    the objects with the property names and types Get-NetTCPConnection / Get-NetUDPEndpoint have, and writes them
    through PowerShell's own cmdlets: ConvertTo-Json (array, -Compress, one object, -EnumsAsStrings, -Depth 3 with
    nested CIM-like objects), Out-File -Encoding utf8BOM, Export-Csv (-NoTypeInformation / -IncludeTypeInformation),
    ConvertTo-Csv, Format-List and Format-Table -AutoSize. Nothing is typed by hand: every address, port, state and
    pid is read from the source file named in the output's name.

    Deterministic: same sources, same PowerShell, same bytes. Run from the repository root:

        dotnet tool restore
        dotnet tool run pwsh -NoProfile -File samples/powershell/convert.ps1

    Output is written with LF line ends and without a BOM (pwsh's defaults on Linux) except the utf8BOM variant.
#>
[CmdletBinding()]
param()

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

if ($PSVersionTable.PSVersion.ToString() -ne '7.6.9') {
    throw "run with the pinned PowerShell 7.6.9 (dotnet tool run pwsh), not $($PSVersionTable.PSVersion)"
}

$here = $PSScriptRoot
$netstat = Join-Path $here '../windows-netstat'
$version = 'pwsh7.6.9'

# MSFT_NetTCPConnection.State as Windows' generated enum has it: the numbers of
# [System.Net.NetworkInformation.TcpState] for Closed..DeleteTCB, plus Bound = 100, which TcpState lacks.
enum NetTCPConnectionState {
    Closed = 1; Listen = 2; SynSent = 3; SynReceived = 4; Established = 5; FinWait1 = 6; FinWait2 = 7
    CloseWait = 8; Closing = 9; LastAck = 10; TimeWait = 11; DeleteTCB = 12; Bound = 100
}

foreach ($name in 'Listen', 'SynSent', 'Established') {
    if ([int][NetTCPConnectionState]$name -ne [int][System.Net.NetworkInformation.TcpState]$name) {
        throw "State $name does not have TcpState's number"
    }
}

$tcpType = 'Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetTCPConnection'
$udpType = 'Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetUDPEndpoint'

function State([string] $name) {
    # TcpState where it has the name, Windows' Bound (100) otherwise; both convert to their number in JSON.
    $tcp = [System.Net.NetworkInformation.TcpState]::Unknown
    if ([enum]::TryParse($name, $true, [ref] $tcp)) { return [NetTCPConnectionState][int]$tcp }
    return [NetTCPConnectionState]$name
}

function Read-Table([string] $path) {
    # The rows of a Format-Table capture: columns are the runs of dashes of the underline, cells the text under them.
    $lines = [System.IO.File]::ReadAllLines($path)
    $under = -1
    for ($i = 1; $i -lt $lines.Count; $i++) {
        if ($lines[$i].Trim() -match '^-[- ]*$') { $under = $i; break }
    }

    if ($under -lt 0) { throw "no underline in $path" }
    $starts = [regex]::Matches($lines[$under], '-+') | ForEach-Object Index
    $names = for ($c = 0; $c -lt $starts.Count; $c++) {
        $end = if ($c + 1 -lt $starts.Count) { $starts[$c + 1] } else { $lines[$under - 1].Length }
        $lines[$under - 1].Substring($starts[$c], [Math]::Min($end, $lines[$under - 1].Length) - $starts[$c]).Trim()
    }

    for ($i = $under + 1; $i -lt $lines.Count -and $lines[$i].Trim() -ne ''; $i++) {
        $cells = [ordered]@{}
        for ($c = 0; $c -lt $starts.Count; $c++) {
            $line = $lines[$i]
            $from = [Math]::Min($starts[$c], $line.Length)
            $to = if ($c + 1 -lt $starts.Count) { [Math]::Min($starts[$c + 1], $line.Length) } else { $line.Length }
            $cells[$names[$c]] = $line.Substring($from, $to - $from).Trim()
        }

        $cells
    }
}

function Null-If-Empty([string] $text) { if ($text -eq '') { $null } else { $text } }

function Tcp-Objects([string] $stem, [switch] $Nested) {
    foreach ($row in Read-Table (Join-Path $here "$stem.txt")) {
        $object = [pscustomobject]@{
            PSTypeName     = $tcpType
            LocalAddress   = $row.LocalAddress
            LocalPort      = [uint16]$row.LocalPort
            RemoteAddress  = $row.RemoteAddress
            RemotePort     = [uint16]$row.RemotePort
            State          = State $row.State
            AppliedSetting = Null-If-Empty $row.AppliedSetting
            OwningProcess  = [uint32]$row.OwningProcess
        }

        if ($Nested) {
            # What a CIM instance adds when Windows PowerShell 5.1 serializes it: nested objects whose own keys
            # (Name, Value, ClassName …) are not the connection's.
            $cimTypes = [ordered]@{ LocalAddress = 'String'; LocalPort = 'UInt16'; State = 'UInt8'; OwningProcess = 'UInt32' } # the class's MOF
            $properties = foreach ($property in $cimTypes.Keys) {
                [pscustomobject]@{ Name = $property; Value = $object.$property; CimType = $cimTypes[$property]; Flags = 'Property, ReadOnly'; IsValueModified = $false }
            }

            $object | Add-Member CimClass 'ROOT/StandardCimv2:MSFT_NetTCPConnection'
            $object | Add-Member CimInstanceProperties @($properties)
            $object | Add-Member CimSystemProperties ([pscustomobject]@{
                    Namespace = 'ROOT/StandardCimv2'; ServerName = $null; ClassName = 'MSFT_NetTCPConnection'; Path = $null })
        }

        $object
    }
}

function Netstat-Rows([string] $stem, [string] $proto) {
    # `netstat -anob` rows of one protocol with their pid and the [image.exe] line below them, if any.
    $lines = [System.IO.File]::ReadAllLines((Join-Path $netstat "$stem.txt"))
    for ($i = 0; $i -lt $lines.Count; $i++) {
        if ($lines[$i] -match "^\s+$proto\s+(\S+):(\d+)\s+(\S+)\s+(?:(LISTENING|ESTABLISHED)\s+)?(\d+)\s*$") {
            $image = $null
            $found = $Matches.Clone()
            for ($j = $i + 1; $j -lt $lines.Count -and $lines[$j] -notmatch '^\s+(TCP|UDP)\s' -and $lines[$j].Trim() -ne ''; $j++) {
                if ($lines[$j] -match '^\s*\[(.+)\]\s*$') { $image = $Matches[1]; break }
            }

            $address, $port, $foreign, $state, $owner = $found[1], [uint16]$found[2], $found[3], $found[4], [uint32]$found[5]
            [pscustomobject]@{ Address = $address; Port = $port; Foreign = $foreign; State = $state; Pid = $owner; Image = $image }
        }
    }
}

function Write-Sample([string] $name, [string[]] $text, [string] $encoding = 'utf8NoBOM') {
    $path = Join-Path $here "$name.txt"
    $text | Out-File -LiteralPath $path -Encoding $encoding
    Write-Host "wrote $name.txt"
}

function Write-Shapes([string] $stem, [object[]] $objects, [switch] $Table, [switch] $Csv, [switch] $Json) {
    # CSV first: Select-Object -First (below) prefixes the objects' type name with Selected. in place.
    if ($Csv) {
        $objects | Export-Csv -LiteralPath (Join-Path $here "Export-Csv-NoTypeInformation-$version-from-$stem.txt") -NoTypeInformation
        Write-Host "wrote Export-Csv-NoTypeInformation-$version-from-$stem.txt"
        $objects | Export-Csv -LiteralPath (Join-Path $here "Export-Csv-IncludeTypeInformation-$version-from-$stem.txt") -IncludeTypeInformation
        Write-Host "wrote Export-Csv-IncludeTypeInformation-$version-from-$stem.txt"
        Write-Sample "ConvertTo-Csv-$version-from-$stem" ($objects | ConvertTo-Csv)
    }

    if ($Json) {
        Write-Sample "ConvertTo-Json-$version-from-$stem" ($objects | ConvertTo-Json)
        Write-Sample "ConvertTo-Json-EnumsAsStrings-$version-from-$stem" ($objects | ConvertTo-Json -EnumsAsStrings)
        Write-Sample "ConvertTo-Json-Compress-$version-from-$stem" ($objects | ConvertTo-Json -Compress)
        Write-Sample "ConvertTo-Json-one-object-$version-from-$stem" ($objects | Select-Object -First 1 | ConvertTo-Json)
        Write-Sample "ConvertTo-Json-Out-File-utf8BOM-$version-from-$stem" ($objects | ConvertTo-Json) 'utf8BOM'
    }

    if ($Table) {
        Write-Sample "Format-List-$version-from-$stem" ($objects | Format-List | Out-String -Width 200)
        Write-Sample "Format-Table-AutoSize-$version-from-$stem" ($objects | Format-Table -AutoSize | Out-String -Width 200)
    }
}

# Get-NetTCPConnection: 18 listeners; and all states (Listen, Bound, SynSent, Established).
foreach ($stem in 'Get-NetTCPConnection-Where-State-Listen-default-table-github-9309247645',
    'Get-NetTCPConnection-default-table-thm-p1r4t3-github-54943218571') {
    Write-Shapes $stem @(Tcp-Objects $stem) -Table -Csv -Json
}

# Nested CIM-like objects (ConvertTo-Json -Depth 3), as Windows PowerShell 5.1 writes a CIM instance's extra members.
$stem = 'Get-NetTCPConnection-default-table-thm-p1r4t3-github-54943218571'
Write-Sample "ConvertTo-Json-Depth3-nested-$version-from-$stem" (Tcp-Objects $stem -Nested | ConvertTo-Json -Depth 3)

# Get-NetUDPEndpoint shape (LocalAddress, LocalPort, OwningProcess; no State) from the UDP rows with pids of a netstat -anob.
$stem = 'netstat-anob-win10-udp-flutter-issue53477-excerpt'
$udp = @(Netstat-Rows $stem 'UDP' | ForEach-Object {
        [pscustomobject]@{ PSTypeName = $udpType; LocalAddress = $_.Address; LocalPort = $_.Port; OwningProcess = $_.Pid }
    })
Write-Sample "Get-NetUDPEndpoint-Format-Table-$version-from-$stem" ($udp | Format-Table | Out-String -Width 200)
Write-Sample "Get-NetUDPEndpoint-ConvertTo-Json-$version-from-$stem" ($udp | ConvertTo-Json)
$udp | Export-Csv -LiteralPath (Join-Path $here "Get-NetUDPEndpoint-Export-Csv-IncludeTypeInformation-$version-from-$stem.txt") -IncludeTypeInformation
Write-Host "wrote Get-NetUDPEndpoint-Export-Csv-IncludeTypeInformation-$version-from-$stem.txt"

# Select-Object with a calculated Process column: addresses, ports, pids AND names all from one netstat -anob listing;
# the name is the [image.exe] line without .exe (what Get-Process's ProcessName shows), none where netstat shows none.
$stem = 'netstat-anob-more-win10-cctc-notes-github-30484346129'
$rows = @(Netstat-Rows $stem 'TCP')
$names = @{}
foreach ($row in $rows) { if ($row.Image) { $names[$row.Pid] = $row.Image -replace '\.exe$', '' } }
$tcp = @($rows | ForEach-Object {
        [pscustomobject]@{
            PSTypeName = $tcpType; LocalAddress = $_.Address; LocalPort = $_.Port
            RemoteAddress = $_.Foreign -replace ':[^:]*$', ''; RemotePort = [uint16]($_.Foreign -replace '^.*:', '')
            State = State ($_.State -eq 'LISTENING' ? 'Listen' : 'Established'); AppliedSetting = $null; OwningProcess = $_.Pid
        }
    })
$selected = $tcp | Select-Object LocalAddress, LocalPort, State, OwningProcess, @{ n = 'Process'; e = { $names[$_.OwningProcess] } }
Write-Sample "Select-Object-Process-Format-Table-AutoSize-$version-from-$stem" ($selected | Format-Table -AutoSize | Out-String -Width 200)
Write-Sample "Select-Object-Process-ConvertTo-Json-$version-from-$stem" ($selected | ConvertTo-Json)
