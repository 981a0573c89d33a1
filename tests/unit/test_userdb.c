/* Unit tests for libcommon/userdb.c: passwd and group files read
   directly (the static build's user and group database). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#include <cmocka.h>

#include "sys.h"
#include "userdb.h"

static char passwd[64], group[64];

static const char passwd_text[] =
	"root:x:0:0:root:/root:/bin/bash\n"
	"# a comment:x:7:7::/:/bin/sh\n"
	"\n"
	"+nisuser::::::\n"
	"-other:x:8:8::/:\n"
	"daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
	"bad:x:12a:5::/:/bin/sh\n"
	"big:x:4294967296:5::/:/bin/sh\n"
	"nogid:x:77:zz::/:/bin/sh\n"
	":x:88:88::/:/bin/sh\n"
	"  alice:x:1000:1000:Alice,,,:/home/alice:/bin/bash\n"
	"alias:x:1000:1000::/home/alice:/bin/bash\n"
	"max:x:4294967295:5::/:/bin/sh\n"
	"bob:x:1001:100::/home/bob:/bin/sh"; /* no final newline */

static const char group_text[] =
	"root:x:0:\n"
	"daemon:x:1:\n"
	"users:x:100:alice,bob\n"
	"alice:x:1000:\n"
	"audio:x:29:bob,alice\n"
	"audio2:x:29:alice\n"
	"alicegroup:x:30:alicex,xalice\n"
	"video:x:44:alice\n"
	"short:x:45\n"
	"#wheel:x:10:alice\n";

static void write_file(const char *path, const char *text)
{
	int fd = sys_open(path, SYS_O_WRONLY | SYS_O_CREAT | SYS_O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(sys_write_all(fd, text, strlen(text)), 0);
	assert_int_equal(sys_close(fd), 0);
}

static int setup(void **state)
{
	(void)state;
	snprintf(passwd, sizeof passwd, "userdb-passwd-%d.tmp", sys_getpid());
	snprintf(group, sizeof group, "userdb-group-%d.tmp", sys_getpid());
	write_file(passwd, passwd_text);
	write_file(group, group_text);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	sys_unlink(passwd);
	sys_unlink(group);
	return 0;
}

static void check_name(const char *path, uint32_t id, const char *want)
{
	errno = 1234;
	char *name = userdb_name(path, id);
	if (!want) {
		assert_null(name);
		assert_int_equal(errno, 0);
		return;
	}
	assert_non_null(name);
	assert_string_equal(name, want);
	free(name);
}

static void test_name(void **state)
{
	(void)state;
	check_name(passwd, 0, "root");
	check_name(passwd, 1, "daemon");
	check_name(passwd, 1000, "alice");     /* leading blanks; first of two */
	check_name(passwd, 1001, "bob");       /* last line, no newline */
	check_name(passwd, 4294967295u, "max");
	check_name(passwd, 77, "nogid");       /* the gid is not looked at */
	check_name(passwd, 7, NULL);           /* comment */
	check_name(passwd, 8, NULL);           /* compat line */
	check_name(passwd, 12, NULL);          /* bad id */
	check_name(passwd, 88, NULL);          /* empty name */
	check_name(passwd, 0xFFFFFFFF - 1, NULL);
	check_name(group, 100, "users");
	check_name(group, 29, "audio");
	check_name(group, 45, "short");        /* id ends the line */
	check_name(group, 10, NULL);
}

static void test_missing_file(void **state)
{
	(void)state;
	check_name("userdb-no-such-file", 0, NULL);
}

static void test_unreadable(void **state)
{
	(void)state;
	/* A directory: it opens but cannot be read. */
	errno = 0;
	assert_null(userdb_name(".", 0));
	assert_int_not_equal(errno, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_name),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_unreadable),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
