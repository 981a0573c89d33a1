/* Unit tests for the process, random and temporary-file parts of the
   platform interface (posix/spawn.c, win32/spawn.c, posix/random.c,
   win32/tmp.c): a child reading from the pipe, arguments reaching the
   child unchanged, exit statuses, a program that cannot be run, pipes not
   leaking into later children, random bytes and nameless temporary files.
   The child is this program itself (run with "--child"), so that the
   tests run on every system; death by a signal and SIGPIPE handed back to
   the default action need /bin/sh and signals, and are skipped where
   there are none. */
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

static char *self;

/* Standard input, whole (at most SIZE - 1 bytes), NUL-terminated. */
static size_t read_stdin(char *buf, size_t size)
{
	size_t n = 0;
	sys_ssize r;
	while (n + 1 < size && (r = sys_read(0, buf + n, size - 1 - n)) > 0)
		n += (size_t)r;
	buf[n] = 0;
	return n;
}

/* The child's side: "--child cat FILE" copies its input to FILE;
   "--child exit" exits with the number read; "--child args FILE" writes
   its other arguments to FILE, each followed by a NUL; "--child drain"
   reads to the end of its input. */
static int child_main(int argc, char **argv)
{
	char buf[4096];
	const char *mode = argv[2];
	if (strcmp(mode, "exit") == 0) {
		read_stdin(buf, sizeof buf);
		return atoi(buf);
	}
	if (strcmp(mode, "drain") == 0) {
		while (sys_read(0, buf, sizeof buf) > 0)
			;
		return 0;
	}
	int fd = sys_open(argv[3], SYS_O_WRONLY | SYS_O_CREAT | SYS_O_TRUNC, 0644);
	if (fd < 0)
		return 100;
	if (strcmp(mode, "cat") == 0) {
		size_t n = read_stdin(buf, sizeof buf);
		if (sys_write_all(fd, buf, n) < 0)
			return 101;
	} else {
		for (int i = 4; i < argc; i++)
			if (sys_write_all(fd, argv[i], strlen(argv[i]) + 1) < 0)
				return 101;
	}
	return sys_close(fd) < 0 ? 102 : 0;
}

/* Run PATH with ARGV and INPUT on its standard input; return its status. */
static struct sys_child_status run_child(const char *path, char **argv, const char *input, int flags)
{
	int fd = -1;
	int pid = sys_spawn(path, argv, flags, &fd);
	assert_true(pid > 0);
	assert_true(fd >= 0);
	if (input)
		assert_int_equal(sys_write_all(fd, input, strlen(input)), 0);
	assert_int_equal(sys_close(fd), 0);
	struct sys_child_status st = { true, -1 };
	assert_int_equal(sys_wait(pid, &st), 0);
	return st;
}

static struct sys_child_status run_sh(const char *script, const char *input, int flags)
{
	char *argv[] = { "sh", "-c", (char *)script, NULL };
	return run_child("/bin/sh", argv, input, flags);
}

/* A name for a file of this test, unique to this process. */
static void temp_name(char *buf, size_t size, const char *what)
{
	snprintf(buf, size, "spawn-test-%s-%d.tmp", what, sys_getpid());
}

/* FILE's contents (at most SIZE bytes) into BUF; returns the length. */
static size_t slurp(const char *file, char *buf, size_t size)
{
	int fd = sys_open(file, SYS_O_RDONLY, 0);
	assert_true(fd >= 0);
	size_t n = 0;
	sys_ssize r;
	while (n < size && (r = sys_read(fd, buf + n, size - n)) > 0)
		n += (size_t)r;
	sys_close(fd);
	sys_unlink(file);
	return n;
}

/* True when children can die by signals here (POSIX). */
static bool have_signals(void)
{
	bool ignored, blocked;
	return sys_sig_query(sys_sig_number("TERM"), &ignored, &blocked) == 0;
}

static void test_child_reads_pipe(void **state)
{
	(void)state;
	char path[64];
	temp_name(path, sizeof path, "cat");
	char *argv[] = { "child", "--child", "cat", path, NULL };
	struct sys_child_status st = run_child(self, argv, "hello\n", 0);
	assert_false(st.signaled);
	assert_int_equal(st.code, 0);
	char buf[16] = { 0 };
	assert_int_equal(slurp(path, buf, sizeof buf - 1), 6);
	assert_string_equal(buf, "hello\n");
}

/* Blanks, quotes, backslashes, wildcards and empty arguments arrive as
   they were given (Windows passes one command line that the child's
   runtime splits again). */
static void test_arguments(void **state)
{
	(void)state;
	static const char *const args[] = {
		"plain", "two words", "", "tab\there", "a\"quote", "\"", "back\\slash", "trail\\",
		"trail\\\\", "q\\\"b", "*", "?.c", "[ab]", "% $HOME !x",
	};
	enum { NARGS = sizeof args / sizeof args[0] };
	char path[64];
	temp_name(path, sizeof path, "args");
	char *argv[4 + NARGS + 1] = { "child", "--child", "args", path };
	for (size_t i = 0; i < NARGS; i++)
		argv[4 + i] = (char *)args[i];
	argv[4 + NARGS] = NULL;
	struct sys_child_status st = run_child(self, argv, NULL, 0);
	assert_false(st.signaled);
	assert_int_equal(st.code, 0);
	char want[512], got[512];
	size_t wlen = 0;
	for (size_t i = 0; i < NARGS; i++) {
		memcpy(want + wlen, args[i], strlen(args[i]) + 1);
		wlen += strlen(args[i]) + 1;
	}
	size_t glen = slurp(path, got, sizeof got);
	assert_int_equal(glen, wlen);
	assert_memory_equal(got, want, wlen);
}

static void test_exit_status(void **state)
{
	(void)state;
	char *argv[] = { "child", "--child", "exit", NULL };
	static const char *const codes[] = { "0\n", "7\n", "200\n" };
	static const int want[] = { 0, 7, 200 };
	for (size_t i = 0; i < 3; i++) {
		struct sys_child_status st = run_child(self, argv, codes[i], 0);
		assert_false(st.signaled);
		assert_int_equal(st.code, want[i]);
	}
}

/* Without a pipe the child shares our standard input. */
static void test_no_pipe(void **state)
{
	(void)state;
	char path[64];
	temp_name(path, sizeof path, "nopipe");
	char *argv[] = { "child", "--child", "args", path, "x", NULL };
	int pid = sys_spawn(self, argv, 0, NULL);
	assert_true(pid > 0);
	struct sys_child_status st = { true, -1 };
	assert_int_equal(sys_wait(pid, &st), 0);
	assert_false(st.signaled);
	assert_int_equal(st.code, 0);
	char buf[8];
	assert_int_equal(slurp(path, buf, sizeof buf), 2);
}

/* A second child must see the end of its input although the first
   child's pipe is still open here. */
static void test_pipes_not_inherited(void **state)
{
	(void)state;
	char *argv[] = { "child", "--child", "drain", NULL };
	int fd1 = -1, fd2 = -1;
	int pid1 = sys_spawn(self, argv, 0, &fd1);
	int pid2 = sys_spawn(self, argv, 0, &fd2);
	assert_true(pid1 > 0 && pid2 > 0);
	struct sys_child_status st;
	sys_close(fd2);
	assert_int_equal(sys_wait(pid2, &st), 0);
	assert_int_equal(st.code, 0);
	sys_close(fd1);
	assert_int_equal(sys_wait(pid1, &st), 0);
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
	assert_int_equal(fd, -1);
}

static void test_not_a_child(void **state)
{
	(void)state;
	struct sys_child_status st;
	errno = 0;
	assert_int_equal(sys_wait(sys_getpid(), &st), -1);
	assert_int_equal(errno, ECHILD);
}

static void test_signal(void **state)
{
	(void)state;
	if (!have_signals())
		skip();
	struct sys_child_status st = run_sh("kill -TERM $$", NULL, 0);
	assert_true(st.signaled);
	assert_int_equal(st.code, sys_sig_number("TERM"));
}

/* With SIGPIPE ignored here, only SYS_SPAWN_DEFAULT_SIGPIPE gives the
   child back the default action, so that it dies writing to a closed
   pipe. */
static void test_default_sigpipe(void **state)
{
	(void)state;
	if (!have_signals())
		skip();
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

int main(int argc, char **argv)
{
	if (argc >= 3 && strcmp(argv[1], "--child") == 0)
		return child_main(argc, argv);
	self = sys_self_path();
	if (!self) {
		perror("sys_self_path");
		return 1;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_child_reads_pipe),
		cmocka_unit_test(test_arguments),
		cmocka_unit_test(test_exit_status),
		cmocka_unit_test(test_no_pipe),
		cmocka_unit_test(test_pipes_not_inherited),
		cmocka_unit_test(test_missing_program),
		cmocka_unit_test(test_not_a_child),
		cmocka_unit_test(test_signal),
		cmocka_unit_test(test_default_sigpipe),
		cmocka_unit_test(test_random_bytes),
		cmocka_unit_test(test_tmpfile),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
