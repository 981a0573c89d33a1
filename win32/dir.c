/*
 * Windows backend: directories and names. Deletion uses POSIX semantics
 * where Windows has them (the name goes at once even while the file is
 * open elsewhere, and a read-only file goes like any other, as unlink
 * does), with the classic delete-on-close as the fallback. rename
 * replaces read-only targets and empty directories, as POSIX rename does.
 * Symbolic links are created without privilege where Windows allows it
 * (developer mode); where it does not, the call fails with EPERM.
 */
#include "sys.h"
#include "w32.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* FileDispositionInfoEx, which mingw-w64 10 declares only for a
   _WIN32_WINNT no one can set. */
#define FILE_DISPOSITION_INFO_EX_CLASS ((FILE_INFO_BY_HANDLE_CLASS)21)

static bool wsep(wchar_t c)
{
	return c == L'/' || c == L'\\';
}

/* An ordinary path's wide form, or NULL with errno (the /dev names are
   not directories or links). */
static wchar_t *plain_path(const char *path, int dev_errno)
{
	struct w32_path p;
	if (w32_path_get(path, &p) < 0)
		return NULL;
	if (p.kind != W32_PATH_FILE) {
		w32_path_free(&p);
		errno = dev_errno;
		return NULL;
	}
	return p.w;
}

/* Both paths' wide forms, or false with errno (nothing to free). */
static bool plain_paths(const char *a, const char *b, wchar_t **wa, wchar_t **wb, int dev_errno)
{
	*wa = plain_path(a, dev_errno);
	if (!*wa)
		return false;
	*wb = plain_path(b, dev_errno);
	if (!*wb) {
		free(*wa);
		return false;
	}
	return true;
}

/* ---- reading directories --------------------------------------------- */

struct sys_dir {
	HANDLE find;
	WIN32_FIND_DATAW data;
	bool have;   /* DATA holds an entry not handed out yet */
	char *name;  /* the last entry handed out */
};

sys_dir *sys_opendir(const char *path)
{
	wchar_t *w = plain_path(path, ENOTDIR);
	if (!w)
		return NULL;
	DWORD a = GetFileAttributesW(w);
	if (a == INVALID_FILE_ATTRIBUTES || !(a & FILE_ATTRIBUTE_DIRECTORY)) {
		errno = a == INVALID_FILE_ATTRIBUTES ? w32_path_errno(w, GetLastError()) : ENOTDIR;
		free(w);
		return NULL;
	}
	size_t n = wcslen(w);
	wchar_t *pat = malloc((n + 3) * sizeof *pat);
	sys_dir *d = calloc(1, sizeof *d);
	if (!pat || !d) {
		free(w);
		free(pat);
		free(d);
		errno = ENOMEM;
		return NULL;
	}
	memcpy(pat, w, n * sizeof *pat);
	if (n > 0 && !wsep(w[n - 1]) && w[n - 1] != L':')
		pat[n++] = L'\\';
	pat[n++] = L'*';
	pat[n] = 0;
	free(w);
	d->find = FindFirstFileExW(pat, FindExInfoBasic, &d->data, FindExSearchNameMatch, NULL,
				   FIND_FIRST_EX_LARGE_FETCH);
	if (d->find == INVALID_HANDLE_VALUE && GetLastError() == ERROR_INVALID_PARAMETER)
		d->find = FindFirstFileExW(pat, FindExInfoStandard, &d->data, FindExSearchNameMatch, NULL, 0);
	free(pat);
	if (d->find == INVALID_HANDLE_VALUE) {
		DWORD code = GetLastError();
		if (code != ERROR_FILE_NOT_FOUND && code != ERROR_NO_MORE_FILES) {
			free(d);
			errno = w32_errno(code);
			return NULL;
		}
		/* The root of an empty drive has not even "." and "..". */
	} else {
		d->have = true;
	}
	return d;
}

static enum sys_dtype dtype_of(const WIN32_FIND_DATAW *f)
{
	if ((f->dwFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT)
	    && (f->dwReserved0 == IO_REPARSE_TAG_SYMLINK || f->dwReserved0 == IO_REPARSE_TAG_MOUNT_POINT))
		return SYS_DT_LNK;
	if (f->dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY)
		return SYS_DT_DIR;
	if (f->dwFileAttributes & FILE_ATTRIBUTE_DEVICE)
		return SYS_DT_UNKNOWN;
	return SYS_DT_REG;
}

int sys_readdir(sys_dir *dir, struct sys_dirent *ent)
{
	for (;;) {
		if (!dir->have) {
			if (dir->find == INVALID_HANDLE_VALUE)
				return 0;
			if (!FindNextFileW(dir->find, &dir->data)) {
				DWORD code = GetLastError();
				if (code == ERROR_NO_MORE_FILES)
					return 0;
				return w32_set_errno(w32_errno(code));
			}
		}
		dir->have = false;
		const wchar_t *n = dir->data.cFileName;
		if (n[0] == L'.' && (n[1] == 0 || (n[1] == L'.' && n[2] == 0)))
			continue;
		free(dir->name);
		dir->name = w32_utf8(n, -1, NULL);
		if (!dir->name)
			return -1;
		ent->name = dir->name;
		ent->type = dtype_of(&dir->data);
		ent->ino = 0;
		return 1;
	}
}

int sys_closedir(sys_dir *dir)
{
	bool ok = dir->find == INVALID_HANDLE_VALUE || FindClose(dir->find);
	free(dir->name);
	free(dir);
	return ok ? 0 : w32_fail();
}

/* ---- creating and removing ------------------------------------------- */

int sys_mkdir(const char *path, uint32_t mode)
{
	(void)mode; /* new directories take their parent's inheritable ACL */
	wchar_t *w = plain_path(path, EEXIST);
	if (!w)
		return -1;
	int r = CreateDirectoryW(w, NULL) ? 0 : w32_set_errno(w32_path_errno(w, GetLastError()));
	free(w);
	return r;
}

/* Delete the file or directory open as H (with DELETE access). */
static int delete_handle(HANDLE h)
{
	FILE_DISPOSITION_INFO_EX ex = {
		FILE_DISPOSITION_FLAG_DELETE | FILE_DISPOSITION_FLAG_POSIX_SEMANTICS
		| FILE_DISPOSITION_FLAG_IGNORE_READONLY_ATTRIBUTE
	};
	if (SetFileInformationByHandle(h, FILE_DISPOSITION_INFO_EX_CLASS, &ex, sizeof ex))
		return 0;
	DWORD code = GetLastError();
	if (code != ERROR_INVALID_PARAMETER && code != ERROR_NOT_SUPPORTED && code != ERROR_INVALID_FUNCTION
	    && code != ERROR_CALL_NOT_IMPLEMENTED)
		return w32_set_errno(code == ERROR_DIR_NOT_EMPTY ? ENOTEMPTY : w32_errno(code));
	/* Before Windows 10 1709 (and on some file systems): delete on
	   close, after clearing the read-only attribute that forbids it. */
	FILE_DISPOSITION_INFO d = { TRUE };
	if (SetFileInformationByHandle(h, FileDispositionInfo, &d, sizeof d))
		return 0;
	code = GetLastError();
	FILE_BASIC_INFO b;
	if (code == ERROR_ACCESS_DENIED && GetFileInformationByHandleEx(h, FileBasicInfo, &b, sizeof b)
	    && (b.FileAttributes & FILE_ATTRIBUTE_READONLY)) {
		DWORD old = b.FileAttributes;
		b.FileAttributes &= ~FILE_ATTRIBUTE_READONLY;
		if (!b.FileAttributes)
			b.FileAttributes = FILE_ATTRIBUTE_NORMAL;
		if (SetFileInformationByHandle(h, FileBasicInfo, &b, sizeof b)) {
			if (SetFileInformationByHandle(h, FileDispositionInfo, &d, sizeof d))
				return 0;
			code = GetLastError();
			b.FileAttributes = old;
			SetFileInformationByHandle(h, FileBasicInfo, &b, sizeof b);
		}
	}
	return w32_set_errno(code == ERROR_DIR_NOT_EMPTY ? ENOTEMPTY : w32_errno(code));
}

/* Open W itself (not what a link points to) for deletion; *DIR and
   *LINK tell what it is. */
static HANDLE open_for_delete(const wchar_t *w, bool *dir, bool *link)
{
	DWORD share = FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE;
	DWORD flags = FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_OPEN_REPARSE_POINT;
	HANDLE h = CreateFileW(w, DELETE | FILE_READ_ATTRIBUTES | FILE_WRITE_ATTRIBUTES, share, NULL,
			       OPEN_EXISTING, flags, NULL);
	if (h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_ACCESS_DENIED)
		h = CreateFileW(w, DELETE | FILE_READ_ATTRIBUTES, share, NULL, OPEN_EXISTING, flags, NULL);
	if (h == INVALID_HANDLE_VALUE) {
		errno = w32_path_errno(w, GetLastError());
		return h;
	}
	FILE_ATTRIBUTE_TAG_INFO t = { 0 };
	if (!GetFileInformationByHandleEx(h, FileAttributeTagInfo, &t, sizeof t)) {
		BY_HANDLE_FILE_INFORMATION bh;
		if (GetFileInformationByHandle(h, &bh))
			t.FileAttributes = bh.dwFileAttributes;
	}
	*dir = t.FileAttributes & FILE_ATTRIBUTE_DIRECTORY;
	*link = (t.FileAttributes & FILE_ATTRIBUTE_REPARSE_POINT)
		&& (t.ReparseTag == IO_REPARSE_TAG_SYMLINK || t.ReparseTag == IO_REPARSE_TAG_MOUNT_POINT);
	return h;
}

/* True when the last component of PATH is "." or "..". */
static bool ends_in_dot(const char *path)
{
	size_t n = strlen(path);
	while (n > 1 && sys_is_sep(path[n - 1]))
		n--;
	size_t start = n;
	while (start > 0 && !sys_is_sep(path[start - 1]))
		start--;
	size_t len = n - start;
	return (len == 1 && path[start] == '.') || (len == 2 && path[start] == '.' && path[start + 1] == '.');
}

int sys_rmdir(const char *path)
{
	if (ends_in_dot(path)) {
		size_t n = strlen(path);
		while (n > 1 && sys_is_sep(path[n - 1]))
			n--;
		return w32_set_errno(path[n - 1] == '.' && n >= 2 && path[n - 2] == '.' ? ENOTEMPTY : EINVAL);
	}
	wchar_t *w = plain_path(path, ENOTDIR);
	if (!w)
		return -1;
	bool dir, link;
	HANDLE h = open_for_delete(w, &dir, &link);
	free(w);
	if (h == INVALID_HANDLE_VALUE)
		return -1;
	int r = !dir || link ? w32_set_errno(ENOTDIR) : delete_handle(h);
	CloseHandle(h);
	return r;
}

int sys_unlink(const char *path)
{
	wchar_t *w = plain_path(path, EACCES);
	if (!w)
		return -1;
	size_t n = strlen(path);
	bool trailing = n > 1 && sys_is_sep(path[n - 1]);
	bool dir, link;
	HANDLE h = open_for_delete(w, &dir, &link);
	free(w);
	if (h == INVALID_HANDLE_VALUE)
		return -1;
	int r;
	if (dir && !link)
		r = w32_set_errno(EISDIR);
	else if (trailing)
		r = w32_set_errno(link ? EISDIR : ENOTDIR);
	else
		r = delete_handle(h);
	CloseHandle(h);
	return r;
}

int sys_link(const char *target, const char *linkpath)
{
	wchar_t *t, *l;
	if (!plain_paths(target, linkpath, &t, &l, EXDEV))
		return -1;
	int r = 0;
	DWORD a = GetFileAttributesW(t);
	if (a == INVALID_FILE_ATTRIBUTES)
		r = w32_set_errno(w32_path_errno(t, GetLastError()));
	else if (a & FILE_ATTRIBUTE_DIRECTORY)
		r = w32_set_errno(EPERM);
	else if (!CreateHardLinkW(l, t, NULL)) {
		DWORD code = GetLastError();
		r = w32_set_errno(code == ERROR_ALREADY_EXISTS || code == ERROR_FILE_EXISTS ? EEXIST
				  : code == ERROR_INVALID_FUNCTION || code == ERROR_NOT_SUPPORTED ? EPERM
				  : w32_path_errno(l, code));
	}
	free(t);
	free(l);
	return r;
}

/* LINK's directory joined with TARGET (a relative link target is
   relative to the link), malloc'd. */
static wchar_t *resolve_target(const wchar_t *link, const wchar_t *target)
{
	bool absolute = wsep(target[0]) || (target[0] && target[1] == L':');
	size_t dirlen = 0;
	if (!absolute)
		for (size_t i = 0; link[i]; i++)
			if (wsep(link[i]))
				dirlen = i + 1;
	size_t tlen = wcslen(target);
	wchar_t *r = malloc((dirlen + tlen + 1) * sizeof *r);
	if (r) {
		memcpy(r, link, dirlen * sizeof *r);
		memcpy(r + dirlen, target, (tlen + 1) * sizeof *r);
	}
	return r;
}

int sys_symlink(const char *target, const char *linkpath)
{
	if (!*target)
		return w32_set_errno(ENOENT);
	wchar_t *l = plain_path(linkpath, EEXIST);
	if (!l)
		return -1;
	/* Windows resolves link targets with backslashes only. */
	wchar_t *t = w32_wide(target, -1);
	if (!t) {
		free(l);
		return -1;
	}
	for (wchar_t *q = t; *q; q++)
		if (*q == L'/')
			*q = L'\\';
	DWORD flags = SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE;
	wchar_t *full = resolve_target(l, t);
	DWORD a = full ? GetFileAttributesW(full) : INVALID_FILE_ATTRIBUTES;
	free(full);
	if (a != INVALID_FILE_ATTRIBUTES && (a & FILE_ATTRIBUTE_DIRECTORY))
		flags |= SYMBOLIC_LINK_FLAG_DIRECTORY;
	int r = 0;
	if (GetFileAttributesW(l) != INVALID_FILE_ATTRIBUTES) {
		r = w32_set_errno(EEXIST);
	} else {
		BOOL ok = CreateSymbolicLinkW(l, t, flags);
		if (!ok && GetLastError() == ERROR_INVALID_PARAMETER) {
			/* Before Windows 10 1703 the flag is unknown. */
			ok = CreateSymbolicLinkW(l, t, flags & ~SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE);
		}
		if (!ok) {
			DWORD code = GetLastError();
			r = w32_set_errno(code == ERROR_PRIVILEGE_NOT_HELD ? EPERM : w32_path_errno(l, code));
		} else {
			/* Some implementations (Wine 8) report success and create
			   nothing. */
			HANDLE h = CreateFileW(l, FILE_READ_ATTRIBUTES, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
					       NULL, OPEN_EXISTING,
					       FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_OPEN_REPARSE_POINT, NULL);
			if (h == INVALID_HANDLE_VALUE)
				r = w32_set_errno(ENOSYS);
			else
				CloseHandle(h);
		}
	}
	free(l);
	free(t);
	return r;
}

/* The full path of W for comparisons (malloc'd), or NULL. */
static wchar_t *full_path(const wchar_t *w)
{
	DWORD n = GetFullPathNameW(w, 0, NULL, NULL);
	wchar_t *f = n ? malloc(n * sizeof *f) : NULL;
	if (f && GetFullPathNameW(w, n, f, NULL) >= n) {
		free(f);
		f = NULL;
	}
	return f;
}

static int rename_checks(const wchar_t *from, const wchar_t *to, DWORD fa, DWORD ta)
{
	bool fdir = (fa & FILE_ATTRIBUTE_DIRECTORY) && !(fa & FILE_ATTRIBUTE_REPARSE_POINT);
	bool tdir = (ta & FILE_ATTRIBUTE_DIRECTORY) && !(ta & FILE_ATTRIBUTE_REPARSE_POINT);
	wchar_t *ff = full_path(from), *ft = full_path(to);
	int err = 0;
	if (ff && ft) {
		size_t n = wcslen(ff);
		while (n > 0 && wsep(ff[n - 1]))
			n--;
		if (fdir && _wcsnicmp(ff, ft, n) == 0 && wsep(ft[n]))
			err = EINVAL; /* into itself */
	}
	free(ff);
	free(ft);
	if (err || ta == INVALID_FILE_ATTRIBUTES)
		return err;
	if (fdir && !tdir)
		return ENOTDIR;
	if (!fdir && tdir)
		return EISDIR;
	return 0;
}

/* True when FROM and TO are the same file under two names (hard links,
   or names differing in case); *CASE_ONLY when the names differ only in
   case. */
static bool same_file(const wchar_t *from, const wchar_t *to, bool *case_only)
{
	struct sys_stat a, b;
	*case_only = false;
	HANDLE h1 = CreateFileW(from, FILE_READ_ATTRIBUTES, 7, NULL, OPEN_EXISTING,
				FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_OPEN_REPARSE_POINT, NULL);
	HANDLE h2 = CreateFileW(to, FILE_READ_ATTRIBUTES, 7, NULL, OPEN_EXISTING,
				FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_OPEN_REPARSE_POINT, NULL);
	bool same = h1 != INVALID_HANDLE_VALUE && h2 != INVALID_HANDLE_VALUE && w32_stat_handle(h1, &a, true, FILE_TYPE_UNKNOWN) == 0
		    && w32_stat_handle(h2, &b, true, FILE_TYPE_UNKNOWN) == 0 && sys_same_file(&a, &b);
	if (h1 != INVALID_HANDLE_VALUE)
		CloseHandle(h1);
	if (h2 != INVALID_HANDLE_VALUE)
		CloseHandle(h2);
	if (same) {
		wchar_t *ff = full_path(from), *ft = full_path(to);
		*case_only = ff && ft && wcscmp(ff, ft) != 0 && _wcsicmp(ff, ft) == 0;
		free(ff);
		free(ft);
	}
	return same;
}

int sys_rename(const char *from, const char *to)
{
	wchar_t *f, *t;
	if (!plain_paths(from, to, &f, &t, EXDEV))
		return -1;
	int r = 0;
	DWORD fa = GetFileAttributesW(f), ta = GetFileAttributesW(t);
	bool case_only;
	if (fa == INVALID_FILE_ATTRIBUTES) {
		r = w32_set_errno(w32_path_errno(f, GetLastError()));
	} else if (ta != INVALID_FILE_ATTRIBUTES && same_file(f, t, &case_only)) {
		/* POSIX: renaming a file to another name of itself does
		   nothing; on Windows a change of case is a real rename. */
		if (case_only && !MoveFileExW(f, t, 0))
			r = w32_fail();
	} else {
		int err = rename_checks(f, t, fa, ta);
		if (err) {
			r = w32_set_errno(err);
		} else {
			if (ta != INVALID_FILE_ATTRIBUTES && (ta & FILE_ATTRIBUTE_DIRECTORY)
			    && !(ta & FILE_ATTRIBUTE_REPARSE_POINT) && !RemoveDirectoryW(t)) {
				DWORD code = GetLastError();
				r = w32_set_errno(code == ERROR_DIR_NOT_EMPTY ? ENOTEMPTY : w32_errno(code));
			}
			if (r == 0 && !MoveFileExW(f, t, MOVEFILE_REPLACE_EXISTING)) {
				DWORD code = GetLastError();
				if (code == ERROR_ACCESS_DENIED && ta != INVALID_FILE_ATTRIBUTES
				    && (ta & FILE_ATTRIBUTE_READONLY) && !(ta & FILE_ATTRIBUTE_DIRECTORY)
				    && SetFileAttributesW(t, ta & ~FILE_ATTRIBUTE_READONLY)) {
					if (MoveFileExW(f, t, MOVEFILE_REPLACE_EXISTING))
						goto done;
					code = GetLastError();
					SetFileAttributesW(t, ta);
				}
				r = w32_set_errno(w32_path_errno(t, code));
			}
		}
	}
done:
	free(f);
	free(t);
	return r;
}

/* ---- the current directory ------------------------------------------- */

int sys_chdir(const char *path)
{
	wchar_t *w = plain_path(path, ENOTDIR);
	if (!w)
		return -1;
	int r = 0;
	if (!SetCurrentDirectoryW(w)) {
		DWORD code = GetLastError();
		DWORD a = GetFileAttributesW(w);
		r = w32_set_errno(a != INVALID_FILE_ATTRIBUTES && !(a & FILE_ATTRIBUTE_DIRECTORY) ? ENOTDIR
				  : w32_path_errno(w, code));
	}
	free(w);
	return r;
}

char *sys_getcwd(void)
{
	DWORD n = GetCurrentDirectoryW(0, NULL);
	if (n == 0) {
		w32_fail();
		return NULL;
	}
	wchar_t *w = malloc(n * sizeof *w);
	if (!w) {
		errno = ENOMEM;
		return NULL;
	}
	DWORD got = GetCurrentDirectoryW(n, w);
	if (got == 0 || got >= n) {
		free(w);
		errno = got ? ERANGE : w32_errno(GetLastError());
		return NULL;
	}
	w32_strip_verbatim(w);
	char *s = w32_utf8(w, -1, NULL);
	free(w);
	return s;
}

bool sys_is_sep(char c)
{
	return c == '/' || c == '\\';
}
