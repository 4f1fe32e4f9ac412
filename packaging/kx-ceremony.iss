; Inno Setup script for KX Ceremony on Windows (Inno Setup 6).
; First build the frozen program on Windows (packaging/README.md), which makes
; build\dist\kx-ceremony\; then, from the repository root:
;   iscc /DAppVersion=0.1.0 packaging\kx-ceremony.iss
; The installer lands in build\installer\KX-Ceremony-Setup-<version>.exe. It installs for
; the current user or for all users (the user chooses), adds a Start-menu entry for the
; window and one for the uninstaller, and registers the uninstaller in Apps & features.
; The user's store (in %LOCALAPPDATA%\kx-ceremony) is never removed by the uninstaller.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "KX Ceremony"
#define AppExe "kx-ceremony-gui.exe"

[Setup]
AppId={{6C1D8E9B-4F1A-4C7B-9B7E-2A9C3E1F5D20}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=KX Ceremony
DefaultDirName={autopf}\KX Ceremony
DefaultGroupName=KX Ceremony
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\build\installer
OutputBaseFilename=KX-Ceremony-Setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
CloseApplications=yes

[Languages]
; Inno Setup ships no Vietnamese wizard text; to show the wizard in Vietnamese, put the
; unofficial Vietnamese.isl translation beside this script and add:
;   Name: "vietnamese"; MessagesFile: "Vietnamese.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\build\dist\kx-ceremony\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\KX Ceremony"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,KX Ceremony}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\KX Ceremony"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,KX Ceremony}"; Flags: nowait postinstall skipifsilent
