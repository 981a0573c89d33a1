/* Unit tests for the process, random and temporary-file parts of the
   platform interface (posix/spawn.c, posix/random.c): a child reading
   from the pipe, exit statuses, death by a signal, a program that cannot
   be run, SIGPIPE handed back to the default action, random bytes and
   nameless temporary files. */
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

/* Run "sh -c SCRIPT" with INPUT on its standard input; return its status. */
static struct sys_child_status run_sh(const char *script, const char *input, int flags)
{
	char *argv[] = { "sh", "-c", (char *)script, NULL };
	int fd = -1;
	int pid = sys_spawn("/bin/sh", argv, flags, &fd);
	assert_true(pid > 0);
	assert_true(fd >= 0);
	if (input)
		assert_int_equal(sys_write_all(fd, input, strlen(input)), 0);
	assert_int_equal(sys_close(fd), 0);
	struct sys_child_status st = { true, -1 };
	assert_int_equal(sys_wait(pid, &st), 0);
	return st;
}

static void test_child_reads_pipe(void **state)
{
	(void)state;
	char path[64];
	snprintf(path, sizeof path, "spawn-test-%d.tmp", sys_getpid());
	char script[128];
	snprintf(script, sizeof script, "cat > %s", path);
	struct sys_child_status st = run_sh(script, "hello\n", 0);
	assert_false(st.signaled);
	assert_int_equal(st.code, 0);
	int fd = sys_open(path, SYS_O_RDONLY, 0);
	assert_true(fd >= 0);
	char buf[16] = { 0 };
	assert_int_equal(sys_read(fd, buf, sizeof buf), 6);
	assert_string_equal(buf, "hello\n");
	sys_close(fd);
	sys_unlink(path);
}

static void test_exit_status(void **state)
{
	(void)state;
	struct sys_child_status st = run_sh("read x; exit $x", "7\n", 0);
	assert_false(st.signaled);
	assert_int_equal(st.code, 7);
}

static void test_signal(void **state)
{
	(void)state;
	struct sys_child_status st = run_sh("kill -TERM $$", NULL, 0);
	assert_true(st.signaled);
	assert_int_equal(st.code, sys_sig_number("TERM"));
}

/* A second child must see the end of its input although the first
   child's pipe is still open here. */
static void test_pipes_not_inherited(void **state)
{
	(void)state;
	char *argv[] = { "sh", "-c", "cat >/dev/null", NULL };
	int fd1 = -1, fd2 = -1;
	int pid1 = sys_spawn("/bin/sh", argv, 0, &fd1);
	int pid2 = sys_spawn("/bin/sh", argv, 0, &fd2);
	assert_true(pid1 > 0 && pid2 > 0);
	sys_close(fd1);
	struct sys_child_status st;
	assert_int_equal(sys_wait(pid1, &st), 0);
	assert_int_equal(st.code, 0);
	sys_close(fd2);
	assert_int_equal(sys_wait(pid2, &st), 0);
	assert_int_equal(st.code, 0);
}

static void test_missing_program(void **state)
{
	(void)state;
	char *argv[] = { "nope", NULL };
	int fd = -1;
	errno = 0;
	assert_int_equal(sys_spawn("/nonexistent/program", argv, 0, &fd), -1);
	assert_int_equal(errno, ENOENT);
}

/* With SIGPIPE ignored here, only SYS_SPAWN_DEFAULT_SIGPIPE gives the
   child back the default action, so that it dies writing to a closed
   pipe. */
static void test_default_sigpipe(void **state)
{
	(void)state;
	sys_sigpipe_ignore();
	struct sys_child_status st;
	st = run_sh("exec /bin/sh -c 'kill -PIPE $$; exit 0'", NULL, SYS_SPAWN_DEFAULT_SIGPIPE);
	assert_true(st.signaled);
	assert_int_equal(st.code, sys_sig_number("PIPE"));
	st = run_sh("exec /bin/sh -c 'kill -PIPE $$; exit 0'", NULL, 0);
	assert_false(st.signaled);
	assert_int_equal(st.code, 0);
	sys_sig_set_action(sys_sig_number("PIPE"), SYS_SIG_DEFAULT);
}

static void test_random_bytes(void **state)
{
	(void)state;
	unsigned char a[64], b[64];
	assert_int_equal(sys_random_bytes(a, sizeof a), 0);
	assert_int_equal(sys_random_bytes(b, sizeof b), 0);
	assert_true(memcmp(a, b, sizeof a) != 0);
	assert_int_equal(sys_random_bytes(a, 0), 0);
}

static void test_tmpfile(void **state)
{
	(void)state;
	int fd = sys_tmpfile();
	assert_true(fd >= 0);
	assert_int_equal(sys_write_all(fd, "abc", 3), 0);
	assert_int_equal(sys_lseek(fd, 0, SYS_SEEK_SET), 0);
	char buf[4] = { 0 };
	assert_int_equal(sys_read(fd, buf, 3), 3);
	assert_string_equal(buf, "abc");
	struct sys_stat st;
	assert_int_equal(sys_fstat(fd, &st), 0);
	assert_int_equal(st.nlink, 0);
	sys_close(fd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_child_reads_pipe),
		cmocka_unit_test(test_exit_status),
		cmocka_unit_test(test_signal),
		cmocka_unit_test(test_pipes_not_inherited),
		cmocka_unit_test(test_missing_program),
		cmocka_unit_test(test_default_sigpipe),
		cmocka_unit_test(test_random_bytes),
		cmocka_unit_test(test_tmpfile),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
