# Parses each command of a JSON array of strings with PowerShell's own parser and prints, for every
# error, the command's index and the parser's message (tab-separated). Nothing printed: all parse.
param([Parameter(Mandatory)][string]$Path)
$commands = @(Get-Content -Raw -LiteralPath $Path | ConvertFrom-Json)
for ($i = 0; $i -lt $commands.Count; $i++) {
    $tokens = $null
    $errors = $null
    [void][System.Management.Automation.Language.Parser]::ParseInput($commands[$i], [ref]$tokens, [ref]$errors)
    foreach ($e in $errors) { "{0}`t{1}" -f $i, $e.Message }
}
