/*
 * userdb.h: the user and group databases read straight from files in the
 * format of /etc/passwd ("name:password:uid:gid:gecos:home:shell") and
 * /etc/group ("name:password:gid:member,member,...").
 *
 * The static Linux build answers sys.h's user and group questions with
 * these instead of the C library's NSS, which a static glibc binary can
 * only use by loading the system's NSS modules (and crashes when they do
 * not match it). Only the files are consulted: users and groups that come
 * from LDAP, sssd, systemd and the like are unknown to it.
 *
 * Blank lines, lines starting with '#' and NIS compat lines ('+', '-')
 * are skipped, as are lines whose ids are not decimal numbers. The first
 * matching line wins. Not found is NULL with errno 0; a file that cannot
 * be read is NULL with its errno, except that a missing file is an empty
 * database.
 */
#ifndef COREBOX_USERDB_H
#define COREBOX_USERDB_H

#include <stdint.h>

/* The name of the entry of PATH (passwd or group format) whose id is ID
   (malloc'd). */
char *userdb_name(const char *path, uint32_t id);

#endif
