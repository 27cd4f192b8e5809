Attribute VB_Name = "ThiDua"
' Ribbon callbacks of the "Thi dua" tab (xlsources/customUI14.xml).
'
' Each button runs one Python entry point in xlsources.macros through xlwings'
' RunPython (the xlwings module is embedded in this workbook: standalone mode).
' This file must stay ASCII: VBA source is stored in code page 1252, so Vietnamese
' text is written as \uHHHH (H: a hex digit) escapes and decoded at run time by Vn().
Option Explicit

#If Mac Then
#ElseIf VBA7 Then
Private Declare PtrSafe Function MessageBoxW Lib "user32" (ByVal hWnd As LongPtr, _
    ByVal lpText As LongPtr, ByVal lpCaption As LongPtr, ByVal uType As Long) As Long
#Else
Private Declare Function MessageBoxW Lib "user32" (ByVal hWnd As Long, _
    ByVal lpText As Long, ByVal lpCaption As Long, ByVal uType As Long) As Long
#End If

Private Const FOLDER_PICKER As Long = 4  ' msoFileDialogFolderPicker

Public Sub ThiDua_Validate(control As IRibbonControl)
    CallPython "import xlsources.macros as m; m.validate()"
End Sub

Public Sub ThiDua_ImportMembers(control As IRibbonControl)
    Dim listFile As String
    listFile = PickFile(Vn("Ch\u1ECDn t\u1EC7p danh s\u00E1ch \u0111o\u00E0n vi\u00EAn"))
    If Len(listFile) = 0 Then Exit Sub
    CallPython "import xlsources.macros as m; m.import_members(" & PyStr(listFile) & ")"
End Sub

Public Sub ThiDua_MakeGroups(control As IRibbonControl)
    CallPython "import xlsources.macros as m; m.make_groups()"
End Sub

Public Sub ThiDua_Consolidate(control As IRibbonControl)
    Dim folder As String
    folder = PickFolder(Vn("Ch\u1ECDn th\u01B0 m\u1EE5c ch\u1EE9a c\u00E1c s\u1ED5 t\u1ED5 g\u1EEDi v\u1EC1"))
    If Len(folder) = 0 Then Exit Sub
    CallPython "import xlsources.macros as m; m.consolidate(" & PyStr(folder) & ")"
End Sub

Public Sub ThiDua_Score(control As IRibbonControl)
    CallPython "import xlsources.macros as m; m.score()"
End Sub

Public Sub ThiDua_Shortlist(control As IRibbonControl)
    CallPython "import xlsources.macros as m; m.shortlist()"
End Sub

Public Sub ThiDua_Report(control As IRibbonControl)
    CallPython "import xlsources.macros as m; m.report()"
End Sub

Public Sub ThiDua_Doctor(control As IRibbonControl)
    CallPython "import xlsources.macros as m; m.doctor()"
End Sub

' Runs a Python command; if xlwings cannot even start it, says so in Vietnamese.
' (Errors inside the Python code are reported by xlsources.macros itself.)
Private Sub CallPython(ByVal command As String)
    On Error GoTo Failed
    RunPython command
    Exit Sub
Failed:
    ShowMessage Vn("Kh\u00F4ng kh\u1EDFi \u0111\u1ED9ng \u0111\u01B0\u1EE3c Python qua xlwings.") _
        & vbCrLf & vbCrLf & Vn("H\u00E3y b\u1EA5m n\u00FAt Ch\u1EA9n \u0111o\u00E1n tr\u00EAn th\u1EBB Thi \u0111ua, " _
        & "ho\u1EB7c ch\u1EA1y l\u1EC7nh ""thidua doctor"" trong c\u1EEDa s\u1ED5 l\u1EC7nh.") _
        & vbCrLf & vbCrLf & "(" & Err.Number & ") " & Err.Description
End Sub

' Asks for a folder; returns "" when the user cancels.
Private Function PickFolder(ByVal title As String) As String
    Dim dlg As Object
    Set dlg = Application.FileDialog(FOLDER_PICKER)
    dlg.Title = title
    dlg.AllowMultiSelect = False
    If dlg.Show = -1 Then PickFolder = dlg.SelectedItems(1)
End Function

' Asks for one workbook file; returns "" when the user cancels.
Private Function PickFile(ByVal title As String) As String
    Dim chosen As Variant
    chosen = Application.GetOpenFilename("Excel (*.xlsx;*.xlsm;*.xls;*.ods),*.xlsx;*.xlsm;*.xls;*.ods", _
        1, title)
    If VarType(chosen) = vbString Then PickFile = chosen
End Function

' Python string literal made of safe ASCII only: any other character becomes
' \uHHHH (\UHHHHHHHH for a surrogate pair), so quotes, backslashes, shell
' metacharacters and Vietnamese letters reach Python unchanged.
Private Function PyStr(ByVal s As String) As String
    Dim i As Long, code As Long, low As Long, ch As String, out As String
    i = 1
    Do While i <= Len(s)
        ch = Mid$(s, i, 1)
        code = AscW(ch) And &HFFFF&
        low = 0
        If i < Len(s) Then low = AscW(Mid$(s, i + 1, 1)) And &HFFFF&
        If (code >= 48 And code <= 57) Or (code >= 65 And code <= 90) _
                Or (code >= 97 And code <= 122) Or InStr(" _.:-", ch) > 0 Then
            out = out & ch
        ElseIf code >= &HD800& And code <= &HDBFF& And low >= &HDC00& And low <= &HDFFF& Then
            out = out & "\U" & Right$("0000000" & Hex$(&H10000 + (code - &HD800&) * &H400& _
                + (low - &HDC00&)), 8)
            i = i + 1
        Else
            out = out & "\u" & Right$("000" & Hex$(code), 4)
        End If
        i = i + 1
    Loop
    PyStr = "'" & out & "'"
End Function

' Decodes \uHHHH escapes (see the note at the top of this module).
Private Function Vn(ByVal s As String) As String
    Dim i As Long, out As String
    i = 1
    Do While i <= Len(s)
        If Mid$(s, i, 2) = "\u" And i + 5 <= Len(s) Then
            out = out & ChrW(CLng("&H" & Mid$(s, i + 2, 4)))
            i = i + 6
        Else
            out = out & Mid$(s, i, 1)
            i = i + 1
        End If
    Loop
    Vn = out
End Function

Private Sub ShowMessage(ByVal text As String)
#If Mac Then
    MsgBox text, vbExclamation, "Thi dua"
#Else
    MessageBoxW Application.Hwnd, StrPtr(text), StrPtr(Vn("Thi \u0111ua")), vbExclamation
#End If
End Sub
