package private

import (
	"fmt"
	"os"
	"unsafe"

	"golang.org/x/sys/windows"
)

// OpenToOthers describes who besides the owner may open the file at path
// ("BUILTIN\Users may open it"), or returns "" when nobody may: only the
// owner, the current user, SYSTEM and the Administrators group (who can
// take any file) are granted access by its DACL.
func OpenToOthers(path string) (string, error) {
	sd, err := windows.GetNamedSecurityInfo(path, windows.SE_FILE_OBJECT,
		windows.OWNER_SECURITY_INFORMATION|windows.DACL_SECURITY_INFORMATION)
	if err != nil {
		return "", &os.PathError{Op: "GetNamedSecurityInfo", Path: path, Err: err}
	}
	owner, _, err := sd.Owner()
	if err != nil {
		return "", &os.PathError{Op: "owner", Path: path, Err: err}
	}
	dacl, _, err := sd.DACL()
	if err != nil {
		return "", &os.PathError{Op: "DACL", Path: path, Err: err}
	}
	if dacl == nil {
		return "no access control list: everyone may open it", nil
	}
	me, err := currentUser()
	if err != nil {
		return "", err
	}
	for _, ace := range entries(dacl) {
		if ace.Header.AceType == windows.ACCESS_DENIED_ACE_TYPE ||
			ace.Header.AceFlags&windows.INHERIT_ONLY_ACE != 0 || ace.Mask == 0 {
			continue
		}
		sid := (*windows.SID)(unsafe.Pointer(&ace.SidStart))
		if sid.Equals(owner) || sid.Equals(me) ||
			sid.IsWellKnown(windows.WinLocalSystemSid) || sid.IsWellKnown(windows.WinBuiltinAdministratorsSid) {
			continue
		}
		return accountName(sid) + " may open it", nil
	}
	return "", nil
}

// entries returns the access control entries of acl. Each starts with an
// ACE_HEADER giving its size; the ones that grant or deny a SID share the
// layout of ACCESS_ALLOWED_ACE.
func entries(acl *windows.ACL) []*windows.ACCESS_ALLOWED_ACE {
	var out []*windows.ACCESS_ALLOWED_ACE
	p := unsafe.Add(unsafe.Pointer(acl), unsafe.Sizeof(*acl))
	for range acl.AceCount {
		ace := (*windows.ACCESS_ALLOWED_ACE)(p)
		out = append(out, ace)
		p = unsafe.Add(p, ace.Header.AceSize)
	}
	return out
}

func accountName(sid *windows.SID) string {
	if account, domain, _, err := sid.LookupAccount(""); err == nil {
		if domain != "" {
			return domain + `\` + account
		}
		return account
	}
	return sid.String()
}

func currentUser() (*windows.SID, error) {
	u, err := windows.GetCurrentProcessToken().GetTokenUser()
	if err != nil {
		return nil, fmt.Errorf("current user: %w", err)
	}
	return u.User.Sid, nil
}

// Restrict makes the file at path private to the current user: its DACL
// is replaced by one granting full access to the user and SYSTEM only,
// protected from the entries its directory would pass down. It works on
// an AF_UNIX socket file too (opened as the reparse point it is).
func Restrict(path string) error {
	me, err := currentUser()
	if err != nil {
		return err
	}
	sd, err := windows.SecurityDescriptorFromString(fmt.Sprintf("D:P(A;;FA;;;%s)(A;;FA;;;SY)", me))
	if err != nil {
		return fmt.Errorf("restrict %s: %w", path, err)
	}
	dacl, _, err := sd.DACL()
	if err != nil {
		return fmt.Errorf("restrict %s: %w", path, err)
	}
	p, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return &os.PathError{Op: "restrict", Path: path, Err: err}
	}
	h, err := windows.CreateFile(p, windows.READ_CONTROL|windows.WRITE_DAC,
		windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE|windows.FILE_SHARE_DELETE, nil,
		windows.OPEN_EXISTING, windows.FILE_FLAG_OPEN_REPARSE_POINT|windows.FILE_FLAG_BACKUP_SEMANTICS, 0)
	if err != nil {
		return &os.PathError{Op: "restrict", Path: path, Err: err}
	}
	defer windows.CloseHandle(h)
	err = windows.SetSecurityInfo(h, windows.SE_FILE_OBJECT,
		windows.DACL_SECURITY_INFORMATION|windows.PROTECTED_DACL_SECURITY_INFORMATION, nil, nil, dacl, nil)
	if err != nil {
		return &os.PathError{Op: "restrict", Path: path, Err: err}
	}
	return nil
}

// Required says what a private file is.
const Required = "open to its owner only"

// Fix is the command that makes the file at path private to its owner:
// icacls dropping the inherited entries and granting the user alone.
func Fix(path string) string {
	return `icacls "` + path + `" /inheritance:r /grant:r "%USERNAME%:F"`
}
