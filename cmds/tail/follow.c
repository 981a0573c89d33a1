/*
 * tail -f: printing what is appended to files, noticing truncation, and
 * with --follow=name also files that are removed, renamed or replaced.
 *
 * Each round looks at every file; between rounds tail waits for a change
 * notification (when the system has them and every file allows them) or
 * sleeps for the -s interval (polling).
 */
#include <math.h>

#include "tail.h"
#include "duration.h"

static sys_watch *watcher;   /* NULL while polling */
static bool monitor_output;  /* standard output is a pipe: stop when it breaks */
static int last_shown;       /* the file whose data was printed last */

static bool same_inode(const struct tail_file *f, const struct sys_stat *st)
{
	return f->dev == st->dev && f->ino == st->ino;
}

static void close_file(const struct tail_file *f, int fd)
{
	if (fd > 0 && sys_close(fd) < 0)
		diag_error(errno, "closing %s (fd=%d)", quoteaf(f->pretty), fd);
}

void tail_record_open(struct tail_file *f, int fd, sys_off pos, const struct sys_stat *st, int blocking)
{
	f->fd = fd;
	f->mtime = st->mtime;
	f->dev = st->dev;
	f->ino = st->ino;
	f->mode = st->mode;
	if (SYS_S_ISREG(st->mode)) {
		if (pos < 0) {
			pos = sys_lseek(fd, 0, SYS_SEEK_CUR);
			if (pos < 0)
				diag_die(EXIT_FAILURE, errno, "%s: cannot seek to relative offset 0",
					 quotef(f->pretty));
		}
		f->pos = pos;
	}
	f->blocking = blocking;
	f->unchanged = 0;
	f->ignore = false;
}

static bool is_symlink(const char *name)
{
	struct sys_stat st;
	return sys_lstat(name, &st) == 0 && SYS_S_ISLNK(st.mode);
}

/* The directory part of NAME ("." when it has none), malloc'd. */
static char *parent_dir(const char *name)
{
	size_t end = strlen(name);
	while (end > 0 && !sys_is_sep(name[end - 1]))
		end--;
	while (end > 1 && sys_is_sep(name[end - 1]))
		end--;
	if (end == 0)
		return xstrdup(".");
	char *dir = xmemdup(name, end + 1);
	dir[end] = 0;
	return dir;
}

static void stop_watching(struct tail_file *files, int n)
{
	sys_watch_close(watcher);
	watcher = NULL;
	for (int i = 0; i < n; i++) {
		files[i].watch = files[i].dir_watch = -1;
		free(files[i].dir);
		files[i].dir = NULL;
	}
}

/* Watch F's file again after it was replaced. False when the system ran
   out of watches (the caller then polls). */
static bool rewatch(struct tail_file *files, int n, struct tail_file *f)
{
	int old = f->watch;
	f->watch = sys_watch_add(watcher, f->name);
	if (f->watch < 0) {
		if (errno == ENOSPC || errno == ENOMEM) {
			diag_error(0, "inotify resources exhausted");
			return false;
		}
		diag_error(errno, "cannot watch %s", quoteaf(f->name));
	}
	if (old >= 0 && old != f->watch) {
		bool shared = false;
		for (int i = 0; i < n; i++)
			shared |= files[i].watch == old;
		if (!shared)
			sys_watch_remove(watcher, old);
	}
	return true;
}

/* Open F's name again and see whether it is still the same file, and
   whether it can be followed. */
static void recheck(struct tail_file *f, bool blocking)
{
	bool is_stdin = in_is_stdin(f->name);
	int prev = f->errnum;
	int fd = is_stdin ? 0 : tail_open(f->name, !blocking);
	int open_errno = fd < 0 ? errno : 0;
	struct sys_stat st;
	bool ok = false, new_file = false;

	if (watcher && is_symlink(f->name)) {
		/* Notifications would follow the link's target, not the name. */
		f->errnum = -1;
		f->ignore = true;
		diag_error(0, "%s has been replaced with an untailable symbolic link", quoteaf(f->pretty));
	} else if (fd < 0 || sys_fstat(fd, &st) < 0) {
		f->errnum = fd < 0 ? open_errno : errno;
		if (fd < 0) {
			if (f->tailable)
				diag_error(f->errnum, "%s has become inaccessible", quoteaf(f->pretty));
		} else if (prev != f->errnum) {
			diag_error(f->errnum, "%s", quotef(f->pretty));
		}
	} else if (!tail_followable(st.mode)) {
		f->errnum = -1;
		f->ignore = !(tail_opt.retry && tail_opt.by_name);
		if (f->tailable || !(prev < 0 || prev == EISDIR))
			diag_error(0, "%s has been replaced with an untailable file%s", quoteaf(f->pretty),
				   f->ignore ? "; giving up on this name" : "");
	} else {
		ok = true;
		f->errnum = 0;
	}
	f->tailable = ok;

	if (!ok) {
		close_file(f, fd);
		close_file(f, f->fd);
		f->fd = -1;
	} else if (prev && prev != ENOENT) {
		new_file = true;
		diag_error(0, "%s has become accessible", quoteaf(f->pretty));
	} else if (f->fd < 0) {
		new_file = true;
		diag_error(0, "%s has appeared;  following new file", quoteaf(f->pretty));
	} else if (!same_inode(f, &st)) {
		new_file = true;
		diag_error(0, "%s has been replaced;  following new file", quoteaf(f->pretty));
		close_file(f, f->fd);
	} else {
		close_file(f, fd);
	}
	if (new_file)
		tail_record_open(f, fd, -1, &st, is_stdin ? -1 : blocking);
}

/* With notifications, a name is looked at again when it no longer leads
   to the file being followed. Returns true when F was rechecked. */
static bool name_moved(struct tail_file *f)
{
	struct sys_stat st;
	if (f->fd >= 0 && sys_stat(f->name, &st) == 0 && same_inode(f, &st)
	    && !(watcher && is_symlink(f->name)))
		return false;
	recheck(f, false);
	return true;
}

/* Print what was appended to file I. Returns true when there was data. */
static bool read_new(struct tail_file *files, int n, int i, bool blocking)
{
	struct tail_file *f = &files[i];
	if (f->blocking != blocking) {
		/* Only ever switch to non-blocking: the descriptor may be shared. */
		if (!blocking && sys_set_nonblock(f->fd, true) < 0) {
			if (!(SYS_S_ISREG(f->mode) && errno == EPERM))
				diag_die(EXIT_FAILURE, errno, "%s: cannot change nonblocking mode",
					 quotef(f->pretty));
		} else {
			f->blocking = blocking;
		}
	}
	bool read_unchanged = false;
	if (!f->blocking) {
		struct sys_stat st;
		if (sys_fstat(f->fd, &st) < 0) {
			f->errnum = errno;
			diag_error(errno, "%s", quotef(f->pretty));
			sys_close(f->fd);
			f->fd = -1;
			return false;
		}
		if (f->mode == st.mode && (!SYS_S_ISREG(st.mode) || f->pos == st.size)
		    && f->mtime.sec == st.mtime.sec && f->mtime.nsec == st.mtime.nsec) {
			int fd = f->fd;
			if (!watcher && tail_opt.by_name && tail_opt.max_unchanged <= f->unchanged++) {
				recheck(f, f->blocking);
				f->unchanged = 0;
			}
			/* A lone device or pipe may get data without a new mtime. */
			if (fd != f->fd || SYS_S_ISREG(st.mode) || n > 1)
				return false;
			read_unchanged = true;
		}
		f->mtime = st.mtime;
		f->mode = st.mode;
		if (!read_unchanged)
			f->unchanged = 0;
		if (SYS_S_ISREG(st.mode) && st.size < f->pos) {
			diag_error(0, "%s: file truncated", quotef(f->pretty));
			f->pos = sys_lseek(f->fd, 0, SYS_SEEK_SET);
			if (f->pos < 0)
				diag_die(EXIT_FAILURE, errno, "%s: cannot seek to offset 0", quotef(f->pretty));
		}
	}
	const char *header = tail_opt.headers && i != last_shown ? f->pretty : NULL;
	uintmax_t got = tail_copy(f->pretty, f->fd, UINTMAX_MAX, f->blocking > 0, header);
	if (!got)
		return false;
	if (SYS_S_ISREG(f->mode))
		f->pos += (sys_off)got;
	if (read_unchanged)
		f->unchanged = 0;
	last_shown = i;
	return true;
}

/* Look at F's name when it is not open, or (with notifications) when it
   may lead elsewhere now. Returns true when F is open afterwards. */
static bool check_name(struct tail_file *files, int n, struct tail_file *f, bool blocking)
{
	bool was_open = f->fd >= 0;
	uint64_t dev = f->dev, ino = f->ino;
	if (!was_open)
		recheck(f, blocking);
	else if (!(watcher && tail_opt.by_name && name_moved(f)))
		return true;
	if (watcher && f->fd >= 0 && (!was_open || dev != f->dev || ino != f->ino)
	    && !rewatch(files, n, f)) {
		stop_watching(files, n);
		diag_error(0, "inotify cannot be used, reverting to polling");
	}
	return f->fd >= 0;
}

/* True when F's watched parent directory was removed or replaced: its
   watch then sees nothing any more. */
static bool parent_gone(const struct tail_file *f)
{
	struct sys_stat st;
	return f->dir && (sys_stat(f->dir, &st) != 0 || st.dev != f->dir_dev || st.ino != f->dir_ino);
}

/* One look at every file. Returns true when any data was printed. */
static bool scan(struct tail_file *files, int n, bool blocking)
{
	bool any = false;
	for (int i = 0; i < n; i++) {
		if (!files[i].ignore && check_name(files, n, &files[i], blocking))
			any |= read_new(files, n, i, blocking);
		if (watcher && tail_opt.by_name && parent_gone(&files[i])) {
			diag_error(0, "directory containing watched file was removed");
			stop_watching(files, n);
			diag_error(0, "inotify cannot be used, reverting to polling");
		}
	}
	return any;
}

/* True while some file is open or may still become so. */
static bool any_live(const struct tail_file *files, int n)
{
	if (tail_opt.retry && tail_opt.by_name)
		return true;
	for (int i = 0; i < n; i++)
		if (files[i].fd >= 0 || (!files[i].ignore && tail_opt.retry))
			return true;
	return false;
}

/* Forget the --pid processes that have ended; true while any is left. */
static bool writers_alive(void)
{
	size_t k = 0;
	for (size_t i = 0; i < tail_opt.npids; i++)
		if (sys_pid_alive(tail_opt.pids[i]))
			tail_opt.pids[k++] = tail_opt.pids[i];
	tail_opt.npids = k;
	return k > 0;
}

/* Standard input that is a pipe is not followed. Returns true when some
   file is left to follow. */
static bool drop_stdin_pipes(struct tail_file *files, int n)
{
	bool some = false;
	for (int i = 0; i < n; i++) {
		struct tail_file *f = &files[i];
		if (in_is_stdin(f->name) && !f->ignore && f->fd >= 0 && SYS_S_ISFIFO(f->mode)) {
			f->fd = -1;
			f->errnum = -1;
			f->ignore = true;
		} else {
			some = true;
		}
	}
	return some;
}

/* Whether change notifications can serve all of FILES. */
static bool watchable(const struct tail_file *files, int n, bool ok)
{
	if (tail_opt.no_watch || (!ok && !tail_opt.by_name))
		return false;
	bool any_open = false;
	for (int i = 0; i < n; i++) {
		const struct tail_file *f = &files[i];
		if (!f->ignore && in_is_stdin(f->name))
			return false;
		if (is_symlink(f->name))
			return false;
		if (f->fd >= 0) {
			any_open = true;
			if (!SYS_S_ISREG(f->mode) && !SYS_S_ISFIFO(f->mode))
				return false;
		}
	}
	return any_open;
}

/* Set up notifications for every file; false (and polling) when that
   cannot be done. */
static bool start_watching(struct tail_file *files, int n)
{
	watcher = sys_watch_open();
	if (!watcher) {
		if (errno != ENOSYS && errno != ENOTSUP)
			diag_error(errno, "inotify cannot be used, reverting to polling");
		return false;
	}
	bool found = false, unwatchable = false, give_up = false;
	for (int i = 0; i < n && !give_up; i++) {
		struct tail_file *f = &files[i];
		if (f->ignore)
			continue;
		if (tail_opt.by_name) {
			struct sys_stat st;
			f->dir = parent_dir(f->name);
			f->dir_watch = sys_watch_add(watcher, f->dir);
			if (f->dir_watch >= 0 && sys_stat(f->dir, &st) == 0) {
				f->dir_dev = st.dev;
				f->dir_ino = st.ino;
			}
			if (f->dir_watch < 0) {
				if (errno != ENOSPC)
					diag_error(errno, "cannot watch parent directory of %s", quoteaf(f->name));
				else
					diag_error(0, "inotify resources exhausted");
				give_up = true;
				break;
			}
		}
		f->watch = sys_watch_add(watcher, f->name);
		if (f->watch < 0) {
			if (f->fd >= 0)
				unwatchable = true;
			if (errno == ENOSPC || errno == ENOMEM) {
				diag_error(0, "inotify resources exhausted");
				give_up = true;
			} else if (errno != f->errnum) {
				diag_error(errno, "cannot watch %s", quoteaf(f->name));
			}
			continue;
		}
		found = true;
	}
	if (give_up || (!tail_opt.by_name && unwatchable)) {
		stop_watching(files, n);
		diag_error(0, "inotify cannot be used, reverting to polling");
		return false;
	}
	if (!tail_opt.by_name && !found)
		exit(EXIT_FAILURE);
	/* Changes made before the watches existed. */
	for (int i = 0; i < n; i++) {
		struct tail_file *f = &files[i];
		if (f->ignore || tail_opt.by_name || f->fd < 0)
			continue;
		struct sys_stat st;
		if (sys_stat(f->name, &st) == 0 && !same_inode(f, &st)) {
			diag_error(0, "%s was replaced", quoteaf(f->pretty));
			stop_watching(files, n);
			diag_error(0, "inotify cannot be used, reverting to polling");
			return false;
		}
	}
	if (tail_opt.debug)
		diag_error(0, "using notification mode");
	return true;
}

/* How long to wait for a notification: forever unless something needs
   looking at now and then. */
static int wait_ms(const struct tail_file *files, int n)
{
	bool timed = tail_opt.pids_given || monitor_output;
	for (int i = 0; i < n; i++)
		timed |= files[i].fd < 0 && !files[i].ignore;
	if (!timed)
		return -1;
	long double ms = num_ceill(tail_opt.sleep * 1000);
	return ms < INT32_MAX ? (int)ms : INT32_MAX;
}

int tail_follow(struct tail_file *files, int n, bool ok)
{
	if (!drop_stdin_pipes(files, n))
		return ok ? EXIT_SUCCESS : EXIT_FAILURE;
	struct sys_stat ost;
	if (sys_fstat(1, &ost) < 0)
		diag_die(EXIT_FAILURE, errno, "standard output");
	monitor_output = SYS_S_ISFIFO(ost.mode) || SYS_S_ISSOCK(ost.mode);
	last_shown = n - 1;
	/* The initial output goes out once the watches are in place, so that
	   whoever waits for it can rely on changes after it being seen. */
	if (watchable(files, n, ok))
		start_watching(files, n);
	out_flush();
	bool debugged = watcher != NULL;

	for (;;) {
		bool blocking = !tail_opt.pids_given && !tail_opt.by_name && n == 1
				&& files[0].fd >= 0 && !SYS_S_ISREG(files[0].mode) && !watcher;
		if (tail_opt.debug && !debugged) {
			debugged = true;
			diag_error(0, "%s", blocking ? "using blocking mode" : "using polling mode");
		}
		bool any = scan(files, n, blocking);
		if (!any_live(files, n))
			diag_die(EXIT_FAILURE, 0, "no files remaining");
		out_flush();
		if (monitor_output && sys_output_broken(1))
			sys_exit_sigpipe(EXIT_FAILURE);
		if (any)
			continue;
		if (tail_opt.pids_given) {
			if (!tail_opt.npids) {
				int status = watcher || ok ? EXIT_SUCCESS : EXIT_FAILURE;
				if (watcher)
					stop_watching(files, n);
				return status;
			}
			/* One more look after the last writer is gone. */
			if (!writers_alive())
				continue;
		}
		if (watcher) {
			if (sys_watch_wait(watcher, wait_ms(files, n)) < 0)
				diag_die(EXIT_FAILURE, errno, "error waiting for inotify and output events");
		} else if (sys_sleep_ns(duration_ns(tail_opt.sleep)) < 0) {
			diag_die(EXIT_FAILURE, errno, "cannot read realtime clock");
		}
	}
}
