/*
 * Windows backend: metadata.
 *
 * stat comes from GetFileInformationByHandleEx on a handle: the 128-bit
 * file id (folded to 64 bits) is the inode, the volume serial number the
 * device, plus link count, sizes and the four times (btime is the
 * creation time). A symbolic link or a junction is SYS_S_IFLNK to lstat.
 *
 * Permission bits are synthesised from the file's DACL: the ACEs are
 * walked in order (deny before allow, inherit-only ones skipped) for
 * three trustees: the owner class (the owner's SID), the group class (the
 * file's group SID) and the other class; each class also gets what
 * Everyone, Authenticated Users and BUILTIN\Users are granted, since every
 * account is in those. Read = FILE_READ_DATA, write = FILE_WRITE_DATA,
 * execute = FILE_EXECUTE (list/add/traverse for directories). The
 * read-only attribute removes every write bit of a file. When the
 * security descriptor cannot be read, files are 0644 (0444 read-only)
 * and directories 0755, owned by the current user. Owners and groups are
 * numbers from user.c's SID mapping.
 */
#include "sys.h"
#include "w32.h"

#include <aclapi.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <winioctl.h>

static struct sys_time from_filetime(int64_t t)
{
	int64_t u = t - W32_EPOCH_DIFF;
	int64_t sec = u / 10000000, rem = u % 10000000;
	if (rem < 0) {
		rem += 10000000;
		sec--;
	}
	return (struct sys_time){ sec, (int32_t)(rem * 100) };
}

static bool is_link_tag(DWORD tag)
{
	return tag == IO_REPARSE_TAG_SYMLINK || tag == IO_REPARSE_TAG_MOUNT_POINT;
}

/* ---- permissions from the DACL --------------------------------------- */

static bool sid_is(PSID sid, BYTE auth, DWORD sub0, int nsub, DWORD sub1)
{
	SID_IDENTIFIER_AUTHORITY *a = GetSidIdentifierAuthority(sid);
	if (a->Value[5] != auth || a->Value[0] || a->Value[1] || a->Value[2] || a->Value[3] || a->Value[4])
		return false;
	if (*GetSidSubAuthorityCount(sid) != nsub || *GetSidSubAuthority(sid, 0) != sub0)
		return false;
	return nsub < 2 || *GetSidSubAuthority(sid, 1) == sub1;
}

/* Everyone, Authenticated Users, BUILTIN\Users: trustees every account
   belongs to. */
static bool sid_is_everybody(PSID sid)
{
	return sid_is(sid, 1, 0, 1, 0)           /* S-1-1-0 */
	       || sid_is(sid, 5, 11, 1, 0)       /* S-1-5-11 */
	       || sid_is(sid, 5, 32, 2, 545);    /* S-1-5-32-545 */
}

static uint32_t rwx(ACCESS_MASK m)
{
	return (m & FILE_READ_DATA ? 4u : 0) | (m & FILE_WRITE_DATA ? 2u : 0) | (m & FILE_EXECUTE ? 1u : 0);
}

/* The rwx bits the DACL gives trustee class WHO (0 owner, 1 group,
   2 other) of a file owned by OWNER and GROUP. */
static uint32_t class_bits(PACL dacl, PSID owner, PSID group, int who)
{
	ACCESS_MASK allowed = 0, denied = 0;
	GENERIC_MAPPING map = { FILE_GENERIC_READ, FILE_GENERIC_WRITE, FILE_GENERIC_EXECUTE, FILE_ALL_ACCESS };
	for (DWORD i = 0; i < dacl->AceCount; i++) {
		ACE_HEADER *ace;
		if (!GetAce(dacl, i, (void **)&ace) || (ace->AceFlags & INHERIT_ONLY_ACE))
			continue;
		if (ace->AceType != ACCESS_ALLOWED_ACE_TYPE && ace->AceType != ACCESS_DENIED_ACE_TYPE)
			continue;
		ACCESS_ALLOWED_ACE *a = (ACCESS_ALLOWED_ACE *)ace;
		PSID sid = (PSID)&a->SidStart;
		bool match = sid_is_everybody(sid) || (who == 0 && owner && EqualSid(sid, owner))
			     || (who == 1 && group && EqualSid(sid, group));
		if (!match)
			continue;
		ACCESS_MASK m = a->Mask;
		MapGenericMask(&m, &map);
		if (ace->AceType == ACCESS_ALLOWED_ACE_TYPE)
			allowed |= m & ~denied;
		else
			denied |= m & ~allowed;
	}
	return rwx(allowed);
}

/* Mode bits, uid and gid from H's security descriptor; false when it
   cannot be read. */
static bool security_of(HANDLE h, uint32_t *perm, uint32_t *uid, uint32_t *gid)
{
	PSID owner = NULL, group = NULL;
	PACL dacl = NULL;
	PSECURITY_DESCRIPTOR sd = NULL;
	if (GetSecurityInfo(h, SE_FILE_OBJECT,
			    OWNER_SECURITY_INFORMATION | GROUP_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION,
			    &owner, &group, &dacl, NULL, &sd) != ERROR_SUCCESS)
		return false;
	if (!dacl) {
		*perm = 0777; /* a NULL DACL grants everything to everyone */
	} else {
		*perm = class_bits(dacl, owner, group, 0) << 6 | class_bits(dacl, owner, group, 1) << 3
			| class_bits(dacl, owner, group, 2);
	}
	*uid = owner ? w32_sid_id(owner) : sys_geteuid();
	*gid = group ? w32_sid_id(group) : sys_getegid();
	LocalFree(sd);
	return true;
}

/* ---- symbolic links and junctions ------------------------------------ */

/* The target stored in reparse point H (malloc'd UTF-8), or NULL with
   errno (EINVAL when it is no link). */
static char *link_target(HANDLE h)
{
	unsigned char *buf = malloc(MAXIMUM_REPARSE_DATA_BUFFER_SIZE);
	if (!buf) {
		errno = ENOMEM;
		return NULL;
	}
	DWORD got;
	if (!DeviceIoControl(h, FSCTL_GET_REPARSE_POINT, NULL, 0, buf, MAXIMUM_REPARSE_DATA_BUFFER_SIZE, &got, NULL)) {
		DWORD code = GetLastError();
		free(buf);
		errno = code == ERROR_NOT_A_REPARSE_POINT ? EINVAL : w32_errno(code);
		return NULL;
	}
	/* REPARSE_DATA_BUFFER: tag, data length, reserved, then substitute
	   name offset/length, print name offset/length (bytes), then for a
	   symbolic link a flags word, then the names. */
	DWORD tag;
	USHORT off[4];
	memcpy(&tag, buf, sizeof tag);
	memcpy(off, buf + 8, sizeof off);
	size_t names;
	if (tag == IO_REPARSE_TAG_SYMLINK)
		names = 20;
	else if (tag == IO_REPARSE_TAG_MOUNT_POINT)
		names = 16;
	else {
		free(buf);
		errno = EINVAL;
		return NULL;
	}
	USHORT soff = off[0], slen = off[1], poff = off[2], plen = off[3];
	const unsigned char *base = buf + names;
	size_t avail = got > names ? got - names : 0;
	if ((size_t)soff + slen > avail || (size_t)poff + plen > avail) {
		free(buf);
		errno = EINVAL;
		return NULL;
	}
	/* The print name is what the user gave; the substitute name is the
	   NT path ("\??\C:\x"), used when there is no print name. */
	size_t n = plen / 2, o = poff;
	if (n == 0) {
		n = slen / 2;
		o = soff;
	}
	wchar_t *w = malloc((n + 1) * sizeof *w);
	if (!w) {
		free(buf);
		errno = ENOMEM;
		return NULL;
	}
	memcpy(w, base + o, n * sizeof *w);
	w[n] = 0;
	free(buf);
	wchar_t *t = w;
	if (wcsncmp(t, L"\\??\\UNC\\", 8) == 0) {
		t += 6;
		t[0] = L'\\';
	} else if (wcsncmp(t, L"\\??\\", 4) == 0) {
		t += 4;
	}
	char *s = w32_utf8(t, -1, NULL);
	free(w);
	return s;
}

/* ---- stat ------------------------------------------------------------- */

int w32_stat_handle(HANDLE h, struct sys_stat *st, bool lstat_mode, DWORD type)
{
	memset(st, 0, sizeof *st);
	st->btime.sec = INT64_MIN;
	st->blksize = 4096;
	FILE_BASIC_INFO basic;
	FILE_STANDARD_INFO std;
	/* An object with file-system metadata is a file or directory: no
	   need to ask its type (which, under Wine, also updates its access
	   time). */
	if (type == FILE_TYPE_UNKNOWN || type == FILE_TYPE_DISK) {
		bool fs = GetFileInformationByHandleEx(h, FileBasicInfo, &basic, sizeof basic)
			  && GetFileInformationByHandleEx(h, FileStandardInfo, &std, sizeof std);
		DWORD code = GetLastError();
		if (type == FILE_TYPE_UNKNOWN)
			type = fs ? FILE_TYPE_DISK : GetFileType(h);
		if (type == FILE_TYPE_DISK && !fs)
			return w32_set_errno(w32_errno(code));
	}
	if (type != FILE_TYPE_DISK) {
		DWORD mode;
		if (type == FILE_TYPE_UNKNOWN && GetLastError() != NO_ERROR)
			return w32_fail();
		if (type == FILE_TYPE_PIPE) {
			st->mode = SYS_S_IFIFO | 0600;
			st->ino = (uint64_t)(uintptr_t)h;
		} else {
			st->mode = SYS_S_IFCHR | 0666;
			/* The console and NUL: one each, whatever the handle. */
			st->ino = GetConsoleMode(h, &mode) ? 2 : 1;
		}
		st->nlink = 1;
		st->uid = sys_geteuid();
		st->gid = sys_getegid();
		struct sys_time now = sys_now();
		st->atime = st->mtime = st->ctime = now;
		return 0;
	}

	FILE_ID_INFO id;
	if (GetFileInformationByHandleEx(h, FileIdInfo, &id, sizeof id)) {
		uint64_t lo, hi;
		memcpy(&lo, id.FileId.Identifier, 8);
		memcpy(&hi, id.FileId.Identifier + 8, 8);
		st->dev = id.VolumeSerialNumber;
		st->ino = lo ^ hi;
	} else {
		BY_HANDLE_FILE_INFORMATION bh;
		if (!GetFileInformationByHandle(h, &bh))
			return w32_fail();
		st->dev = bh.dwVolumeSerialNumber;
		st->ino = (uint64_t)bh.nFileIndexHigh << 32 | bh.nFileIndexLow;
	}
	DWORD attrs = basic.FileAttributes;
	bool link = false;
	if (lstat_mode && (attrs & FILE_ATTRIBUTE_REPARSE_POINT)) {
		FILE_ATTRIBUTE_TAG_INFO tag;
		link = GetFileInformationByHandleEx(h, FileAttributeTagInfo, &tag, sizeof tag)
		       && is_link_tag(tag.ReparseTag);
	}
	bool dir = (attrs & FILE_ATTRIBUTE_DIRECTORY) || std.Directory;

	uint32_t perm, uid, gid;
	if (!security_of(h, &perm, &uid, &gid)) {
		perm = dir ? 0755 : 0644;
		uid = sys_geteuid();
		gid = sys_getegid();
	}
	if (!dir && (attrs & FILE_ATTRIBUTE_READONLY))
		perm &= ~0222u;
	st->uid = uid;
	st->gid = gid;
	st->nlink = std.NumberOfLinks ? std.NumberOfLinks : 1;
	st->size = std.EndOfFile.QuadPart;
	st->blocks = (std.AllocationSize.QuadPart + 511) / 512;
	if (link) {
		st->mode = SYS_S_IFLNK | 0777;
		char *t = link_target(h);
		st->size = t ? (int64_t)strlen(t) : 0;
		free(t);
	} else if (dir) {
		st->mode = SYS_S_IFDIR | perm;
	} else {
		st->mode = SYS_S_IFREG | perm;
	}
	st->atime = from_filetime(basic.LastAccessTime.QuadPart);
	st->mtime = from_filetime(basic.LastWriteTime.QuadPart);
	st->ctime = from_filetime(basic.ChangeTime.QuadPart ? basic.ChangeTime.QuadPart : basic.LastWriteTime.QuadPart);
	st->btime = from_filetime(basic.CreationTime.QuadPart);
	return 0;
}

/* Open PATH to read its metadata (and security when allowed). */
static HANDLE open_meta(const wchar_t *w, bool nofollow)
{
	DWORD flags = FILE_FLAG_BACKUP_SEMANTICS | (nofollow ? FILE_FLAG_OPEN_REPARSE_POINT : 0);
	DWORD share = FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE;
	HANDLE h = CreateFileW(w, READ_CONTROL | FILE_READ_ATTRIBUTES, share, NULL, OPEN_EXISTING, flags, NULL);
	if (h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_ACCESS_DENIED)
		h = CreateFileW(w, FILE_READ_ATTRIBUTES, share, NULL, OPEN_EXISTING, flags, NULL);
	return h;
}

/* Metadata of a file that cannot be opened at all (in use by the
   system, as pagefile.sys is): what its directory entry says. */
static int stat_by_find(const wchar_t *w, struct sys_stat *st)
{
	WIN32_FIND_DATAW fd;
	if (wcspbrk(w + (wcsncmp(w, L"\\\\?\\", 4) == 0 ? 4 : 0), L"*?"))
		return w32_set_errno(ENOENT);
	HANDLE f = FindFirstFileW(w, &fd);
	if (f == INVALID_HANDLE_VALUE)
		return w32_fail();
	FindClose(f);
	memset(st, 0, sizeof *st);
	bool dir = fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY;
	uint32_t perm = dir ? 0755 : (fd.dwFileAttributes & FILE_ATTRIBUTE_READONLY) ? 0444 : 0644;
	st->mode = (dir ? SYS_S_IFDIR : SYS_S_IFREG) | perm;
	st->nlink = 1;
	st->uid = sys_geteuid();
	st->gid = sys_getegid();
	st->size = (int64_t)fd.nFileSizeHigh << 32 | fd.nFileSizeLow;
	st->blksize = 4096;
	st->blocks = (st->size + 511) / 512;
	int64_t t;
	memcpy(&t, &fd.ftLastAccessTime, sizeof t);
	st->atime = from_filetime(t);
	memcpy(&t, &fd.ftLastWriteTime, sizeof t);
	st->mtime = st->ctime = from_filetime(t);
	memcpy(&t, &fd.ftCreationTime, sizeof t);
	st->btime = from_filetime(t);
	return 0;
}

static int stat_path(const char *path, struct sys_stat *st, bool nofollow)
{
	struct w32_path p;
	if (w32_path_get(path, &p) < 0)
		return -1;
	if (p.kind == W32_PATH_STD)
		return sys_fstat(p.fd, st);
	HANDLE h = open_meta(p.w, nofollow);
	int r;
	if (h == INVALID_HANDLE_VALUE) {
		DWORD code = GetLastError();
		if (code == ERROR_SHARING_VIOLATION || code == ERROR_ACCESS_DENIED)
			r = stat_by_find(p.w, st) == 0 ? 0 : w32_set_errno(w32_errno(code));
		else if (p.kind == W32_PATH_TTY)
			r = w32_set_errno(ENXIO);
		else
			r = w32_set_errno(w32_path_errno(p.w, code));
	} else {
		r = w32_stat_handle(h, st, nofollow, FILE_TYPE_UNKNOWN);
		CloseHandle(h);
		if (r == 0 && p.trailing_sep && !SYS_S_ISDIR(st->mode) && !SYS_S_ISLNK(st->mode))
			r = w32_set_errno(ENOTDIR);
	}
	w32_path_free(&p);
	return r;
}

int sys_stat(const char *path, struct sys_stat *st)
{
	return stat_path(path, st, false);
}

int sys_lstat(const char *path, struct sys_stat *st)
{
	size_t len = strlen(path);
	/* "link/" names the directory the link points to, as on POSIX. */
	return stat_path(path, st, !(len > 1 && sys_is_sep(path[len - 1])));
}

int sys_fstat(int fd, struct sys_stat *st)
{
	HANDLE h = w32_handle(fd);
	if (h == INVALID_HANDLE_VALUE)
		return -1;
	int r = w32_stat_handle(h, st, false, w32_fd_type(fd));
	if (r == 0 && w32_fd_nameless(fd))
		st->nlink = 0;
	return r;
}

bool sys_same_file(const struct sys_stat *a, const struct sys_stat *b)
{
	return a->dev == b->dev && a->ino == b->ino;
}

int sys_eaccess(const char *path, int mode)
{
	struct w32_path p;
	if (w32_path_get(path, &p) < 0)
		return -1;
	if (p.kind == W32_PATH_STD) {
		HANDLE h = w32_handle(p.fd);
		if (h == INVALID_HANDLE_VALUE)
			return -1;
		return mode & SYS_X_OK ? w32_set_errno(EACCES) : 0;
	}
	if (p.kind != W32_PATH_FILE) {
		w32_path_free(&p);
		return mode & SYS_X_OK ? w32_set_errno(EACCES) : 0;
	}
	/* Ask for exactly the rights in question and let Windows decide. */
	DWORD access = FILE_READ_ATTRIBUTES;
	if (mode & SYS_R_OK)
		access |= FILE_READ_DATA;
	if (mode & SYS_W_OK)
		access |= FILE_WRITE_DATA;
	if (mode & SYS_X_OK)
		access |= FILE_EXECUTE;
	HANDLE h = CreateFileW(p.w, access, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
			       OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
	int r = 0;
	if (h == INVALID_HANDLE_VALUE) {
		DWORD code = GetLastError();
		r = w32_set_errno(w32_path_errno(p.w, code));
	} else {
		if (mode & SYS_W_OK) {
			/* Windows lets a handle ask for write access to a
			   read-only file; writing would then fail. */
			FILE_BASIC_INFO b;
			if (GetFileInformationByHandleEx(h, FileBasicInfo, &b, sizeof b)
			    && (b.FileAttributes & FILE_ATTRIBUTE_READONLY)
			    && !(b.FileAttributes & FILE_ATTRIBUTE_DIRECTORY))
				r = w32_set_errno(EACCES);
		}
		CloseHandle(h);
	}
	w32_path_free(&p);
	return r;
}

char *sys_readlink(const char *path)
{
	struct w32_path p;
	if (w32_path_get(path, &p) < 0)
		return NULL;
	if (p.kind != W32_PATH_FILE) {
		w32_path_free(&p);
		errno = EINVAL;
		return NULL;
	}
	HANDLE h = CreateFileW(p.w, FILE_READ_ATTRIBUTES, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
			       NULL, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_OPEN_REPARSE_POINT, NULL);
	char *t = NULL;
	if (h == INVALID_HANDLE_VALUE) {
		DWORD code = GetLastError();
		errno = w32_path_errno(p.w, code);
	} else {
		t = link_target(h);
		CloseHandle(h);
	}
	w32_path_free(&p);
	return t;
}
