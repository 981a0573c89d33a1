/* POSIX backend: user and group names and ids. The C library's NSS
   answers, except in the static build (COREBOX_USERDB_FILES), where a
   static glibc would have to load the system's NSS modules: that build
   reads /etc/passwd and /etc/group itself (libcommon/userdb.h). */
#include "sys.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "userdb.h"
#include "xalloc.h"

#ifndef COREBOX_USERDB_FILES
#define COREBOX_USERDB_FILES 0
#endif

#define PASSWD_FILE "/etc/passwd"
#define GROUP_FILE "/etc/group"

#if COREBOX_USERDB_FILES

char *sys_user_name(uint32_t uid)
{
	return userdb_name(PASSWD_FILE, uid);
}

char *sys_group_name(uint32_t gid)
{
	return userdb_name(GROUP_FILE, gid);
}

int sys_user_id(const char *name, uint32_t *uid, uint32_t *gid)
{
	uint32_t g;
	if (userdb_id(PASSWD_FILE, name, uid, &g) < 0)
		return -1;
	if (gid)
		*gid = g;
	return 0;
}

int sys_group_id(const char *name, uint32_t *gid)
{
	return userdb_id(GROUP_FILE, name, gid, NULL);
}

int sys_user_groups(const char *name, uint32_t gid, uint32_t **groups)
{
	return userdb_groups(GROUP_FILE, name, gid, groups);
}

/* The audit login uid (what glibc's getlogin consults first, through
   NSS), or false when the kernel has none for this session. */
static bool login_uid(uint32_t *uid)
{
	char buf[16];
	int fd = sys_open("/proc/self/loginuid", SYS_O_RDONLY, 0);
	if (fd < 0)
		return false;
	sys_ssize n = sys_read(fd, buf, sizeof buf - 1);
	sys_close(fd);
	if (n <= 0)
		return false;
	buf[n] = '\0';
	char *end;
	errno = 0;
	unsigned long v = strtoul(buf, &end, 10);
	if (errno || end == buf || v >= UINT32_MAX)
		return false;
	*uid = (uint32_t)v;
	return true;
}

char *sys_login_name(void)
{
	uint32_t uid;
	if (login_uid(&uid))
		return userdb_name(PASSWD_FILE, uid);
	/* No login uid: glibc goes to utmp by the terminal, without NSS. */
	const char *n = getlogin();
	return n ? strdup(n) : NULL;
}

#else

/* Remove repeated ids from LIST (N ids), keeping the first of each;
   returns the new count. */
static int unique_ids(uint32_t *list, int n)
{
	int out = 0;
	for (int i = 0; i < n; i++) {
		int j = 0;
		while (j < out && list[j] != list[i])
			j++;
		if (j == out)
			list[out++] = list[i];
	}
	return out;
}

/* After a failed getpw* / getgr*: errno 0 for "no such entry", which
   POSIX lets the C library report with any of these. */
static void not_found_errno(void)
{
	if (errno == ENOENT || errno == ESRCH || errno == EBADF || errno == EPERM)
		errno = 0;
}

char *sys_user_name(uint32_t uid)
{
	errno = 0;
	struct passwd *pw = getpwuid((uid_t)uid);
	return pw ? strdup(pw->pw_name) : NULL;
}

char *sys_group_name(uint32_t gid)
{
	errno = 0;
	struct group *gr = getgrgid((gid_t)gid);
	return gr ? strdup(gr->gr_name) : NULL;
}

int sys_user_id(const char *name, uint32_t *uid, uint32_t *gid)
{
	errno = 0;
	struct passwd *pw = getpwnam(name);
	if (!pw) {
		not_found_errno();
		return -1;
	}
	*uid = (uint32_t)pw->pw_uid;
	if (gid)
		*gid = (uint32_t)pw->pw_gid;
	return 0;
}

int sys_group_id(const char *name, uint32_t *gid)
{
	errno = 0;
	struct group *gr = getgrnam(name);
	if (!gr) {
		not_found_errno();
		return -1;
	}
	*gid = (uint32_t)gr->gr_gid;
	return 0;
}

int sys_user_groups(const char *name, uint32_t gid, uint32_t **groups)
{
	int n = 16;
	for (;;) {
		gid_t *list = xmalloc((size_t)n * sizeof *list);
		int want = n;
		if (getgrouplist(name, (gid_t)gid, list, &want) >= 0) {
			uint32_t *ids = xmalloc((size_t)(want + 1) * sizeof *ids);
			ids[0] = gid;
			for (int i = 0; i < want; i++)
				ids[i + 1] = (uint32_t)list[i];
			free(list);
			*groups = ids;
			return unique_ids(ids, want + 1);
		}
		free(list);
		if (n > 1 << 20) {
			errno = ENOMEM;
			return -1;
		}
		n = want > n ? want : n * 2;
	}
}

char *sys_login_name(void)
{
	const char *n = getlogin();
	return n ? strdup(n) : NULL;
}

#endif
