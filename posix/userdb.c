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

char *sys_login_name(void)
{
	const char *n = getlogin();
	return n ? strdup(n) : NULL;
}

#endif
