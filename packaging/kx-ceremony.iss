; Inno Setup script for KX Ceremony on Windows (Inno Setup 6.3 or newer; UTF-8 with BOM).
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
; The wizard speaks Vietnamese. Inno Setup ships Vietnamese among its unofficial
; translations (Files/Languages/Unofficial/Vietnamese.isl in its source); an installation
; that lacks that folder takes the copy the build puts beside this script
; (.github/workflows/windows.yml fetches it before compiling).
#define VnIslCompiler AddBackslash(CompilerPath) + "Languages\Unofficial\Vietnamese.isl"
#if FileExists(VnIslCompiler)
  #define VnIsl "compiler:Languages\Unofficial\Vietnamese.isl"
#elif FileExists(AddBackslash(SourcePath) + "Vietnamese.isl")
  #define VnIsl "Vietnamese.isl"
#else
  #error Vietnamese.isl not found: put Inno Setup's Vietnamese.isl beside this script
#endif
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
ShowLanguageDialog=no
LanguageDetectionMethod=none

[Languages]
; Vietnamese only: an office PC set to English still gets the wizard its users read.
Name: "vietnamese"; MessagesFile: "{#VnIsl}"

[CustomMessages]
; Our own words for the few lines the script shows, whatever the .isl carries.
vietnamese.CreateDesktopIcon=Tạo biểu tượng trên màn hình nền
vietnamese.AdditionalIcons=Biểu tượng khác:
vietnamese.LaunchProgram=Mở %1 ngay
vietnamese.UninstallProgram=Gỡ cài đặt %1

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
