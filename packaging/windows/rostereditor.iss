; Inno Setup 6 script: RosterEditor installer for Windows 10/11 x64.
;
; Build after `pyinstaller build.spec` (run from the repository root):
;   iscc /DAppVersion=0.1.0 packaging\windows\rostereditor.iss
; Output: dist\installer\RosterEditor-<version>-windows-x64-setup.exe
;
; Installs for the current user without admin rights by default; the first page offers
; "Install for all users" (needs admin). Scripted installs:
;   RosterEditor-...-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /CURRENTUSER   (or /ALLUSERS)
; The folder holds RosterEditor.exe (the window) and rostereditor-cli.exe (the same program
; with a console, for `rostereditor-cli validate bundle.zip` and the other commands).
; Checked end to end under Wine by packaging/windows/check_under_wine.sh.

#define AppName "RosterEditor"
#define AppExe "RosterEditor.exe"
#define AppPublisher "RosterEditor"
#define ProgId "RosterEditor.Bundle"
#ifndef DistDir
  #define DistDir "..\..\dist\RosterEditor"
#endif
; Numeric a.b.c.d, read from the version resource build.spec put into the exe.
#define AppNumericVersion GetVersionNumbersString(AddBackslash(DistDir) + AppExe)
#ifndef AppVersion
  #define AppVersion AppNumericVersion
#endif

[Setup]
; Never change AppId: Windows uses it to find the installed copy for upgrades and uninstall.
AppId={{645623B2-DE75-471A-8795-5EFC59C8028C}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppComments=Edit and validate OneRoster CSV bundles. Works offline; sends nothing anywhere.
VersionInfoVersion={#AppNumericVersion}
VersionInfoProductName={#AppName}
VersionInfoProductTextVersion={#AppVersion}
VersionInfoDescription={#AppName} installer
; Per-user by default (no UAC prompt on managed laptops); all users only if chosen.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
UsedUserAreasWarning=no
; {autopf} is %LOCALAPPDATA%\Programs per user, Program Files for all users.
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Qt 6.12 needs Windows 10 1809 or later, 64-bit.
MinVersion=10.0.17763
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist\installer
OutputBaseFilename={#AppName}-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\resources\app-icon.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Ask a running copy to close before files are replaced, and do not restart it silently.
CloseApplications=yes
RestartApplications=no
; Refresh Explorer's "Open with" lists after install and uninstall.
ChangesAssociations=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "openwith"; Description: "Offer {#AppName} under ""Open with"" for .zip and .csv files (your default app for them stays the same)"; GroupDescription: "File types:"

[InstallDelete]
; An upgrade must not leave the previous version's libraries beside the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Edit and validate OneRoster bundles"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; HKA = HKCU for a per-user install, HKLM for all users.
; A ProgID that says how RosterEditor opens a file...
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "OneRoster bundle"; Flags: uninsdeletekey; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: openwith
; ...listed as a candidate for .zip and .csv. Only OpenWithProgids is touched: the default
; value of .zip/.csv (the default handler, Explorer's compressed folders / Excel) is never set.
; Explorer reads the value *names* under OpenWithProgids, so the value must exist (an empty
; string); "ValueType: none" would create only the key. Uninstall removes the value, and the
; key too if no other program left one there.
Root: HKA; Subkey: "Software\Classes\.zip\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\.csv\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty; Tasks: openwith
; The name and types "Open with > Choose another app" shows for the executable.
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".zip"; ValueData: ""; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".csv"; ValueData: ""; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: openwith

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; Uninstall removes the program and its registry entries. The user's settings and log files
; (%LOCALAPPDATA%\RosterEditor) are left alone, like any document the user saved.
