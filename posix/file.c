/* POSIX backend: descriptors, metadata, directories and names. */
#include "sys.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <unistd.h>

static int to_os_flags(int flags)
{
	int f = 0;
	switch (flags & SYS_O_ACCMODE) {
	case SYS_O_WRONLY: f = O_WRONLY; break;
	case SYS_O_RDWR: f = O_RDWR; break;
	default: f = O_RDONLY; break;
	}
	if (flags & SYS_O_CREAT) f |= O_CREAT;
	if (flags & SYS_O_EXCL) f |= O_EXCL;
	if (flags & SYS_O_TRUNC) f |= O_TRUNC;
	if (flags & SYS_O_APPEND) f |= O_APPEND;
	if (flags & SYS_O_NOFOLLOW) f |= O_NOFOLLOW;
	if (flags & SYS_O_DIRECTORY) f |= O_DIRECTORY;
	if (flags & SYS_O_NONBLOCK) f |= O_NONBLOCK;
	if (flags & SYS_O_NOCTTY) f |= O_NOCTTY;
	return f | O_CLOEXEC;
}

int sys_open(const char *path, int flags, uint32_t mode)
{
	int fd;
	do
		fd = open(path, to_os_flags(flags), (mode_t)mode);
	while (fd < 0 && errno == EINTR);
	return fd;
}

int sys_close(int fd)
{
	return close(fd);
}

sys_ssize sys_read(int fd, void *buf, size_t len)
{
	ssize_t n;
	do
		n = read(fd, buf, len);
	while (n < 0 && errno == EINTR);
	return n;
}

sys_ssize sys_write(int fd, const void *buf, size_t len)
{
	ssize_t n;
	do
		n = write(fd, buf, len);
	while (n < 0 && errno == EINTR);
	return n;
}

sys_off sys_lseek(int fd, sys_off offset, int whence)
{
	int w = whence == SYS_SEEK_END ? SEEK_END : whence == SYS_SEEK_CUR ? SEEK_CUR : SEEK_SET;
	return lseek(fd, (off_t)offset, w);
}

int sys_ftruncate(int fd, sys_off length)
{
	return ftruncate(fd, (off_t)length);
}

int sys_dup(int fd)
{
	return fcntl(fd, F_DUPFD_CLOEXEC, 0);
}

int sys_dup2(int fd, int newfd)
{
	return dup2(fd, newfd);
}

int sys_set_nonblock(int fd, bool nonblock)
{
	int fl = fcntl(fd, F_GETFL);
	if (fl < 0)
		return -1;
	int nfl = nonblock ? (fl | O_NONBLOCK) : (fl & ~O_NONBLOCK);
	return nfl == fl ? 0 : fcntl(fd, F_SETFL, nfl);
}

void sys_advise_sequential(int fd)
{
	(void)posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
}

sys_ssize sys_copy_range(int in, int out, size_t len)
{
	struct stat si, so;
	if (fstat(in, &si) < 0 || fstat(out, &so) < 0)
		return -1;
	if (len > 0x7ffff000)
		len = 0x7ffff000;
	ssize_t n;
	if (S_ISREG(si.st_mode) && S_ISREG(so.st_mode)) {
		do
			n = copy_file_range(in, NULL, out, NULL, len, 0);
		while (n < 0 && errno == EINTR);
		if (n >= 0 || (errno != ENOSYS && errno != EXDEV && errno != EINVAL && errno != EOPNOTSUPP))
			return n;
	}
	if (S_ISFIFO(si.st_mode) || S_ISFIFO(so.st_mode)) {
		do
			n = splice(in, NULL, out, NULL, len, SPLICE_F_MOVE);
		while (n < 0 && errno == EINTR);
		if (n >= 0 || (errno != ENOSYS && errno != EINVAL))
			return n;
	}
	if (S_ISREG(si.st_mode)) {
		do
			n = sendfile(out, in, NULL, len);
		while (n < 0 && errno == EINTR);
		if (n >= 0 || (errno != ENOSYS && errno != EINVAL))
			return n;
	}
	errno = EINVAL;
	return -1;
}

static void fill_stat(struct sys_stat *d, const struct stat *s)
{
	memset(d, 0, sizeof *d);
	d->dev = (uint64_t)s->st_dev;
	d->ino = (uint64_t)s->st_ino;
	d->mode = (uint32_t)s->st_mode; /* Linux uses the traditional values */
	d->nlink = (uint64_t)s->st_nlink;
	d->uid = (uint32_t)s->st_uid;
	d->gid = (uint32_t)s->st_gid;
	d->rdev = (uint64_t)s->st_rdev;
	d->size = (int64_t)s->st_size;
	d->blksize = (int64_t)s->st_blksize;
	d->blocks = (int64_t)s->st_blocks;
	d->atime = (struct sys_time){ s->st_atim.tv_sec, (int32_t)s->st_atim.tv_nsec };
	d->mtime = (struct sys_time){ s->st_mtim.tv_sec, (int32_t)s->st_mtim.tv_nsec };
	d->ctime = (struct sys_time){ s->st_ctim.tv_sec, (int32_t)s->st_ctim.tv_nsec };
	d->btime = (struct sys_time){ INT64_MIN, 0 };
}

int sys_stat(const char *path, struct sys_stat *st)
{
	struct stat s;
	if (stat(path, &s) < 0)
		return -1;
	fill_stat(st, &s);
	return 0;
}

int sys_lstat(const char *path, struct sys_stat *st)
{
	struct stat s;
	if (lstat(path, &s) < 0)
		return -1;
	fill_stat(st, &s);
	return 0;
}

int sys_fstat(int fd, struct sys_stat *st)
{
	struct stat s;
	if (fstat(fd, &s) < 0)
		return -1;
	fill_stat(st, &s);
	return 0;
}

bool sys_same_file(const struct sys_stat *a, const struct sys_stat *b)
{
	return a->dev == b->dev && a->ino == b->ino;
}

int sys_eaccess(const char *path, int mode)
{
	int m = 0;
	if (mode & SYS_R_OK) m |= R_OK;
	if (mode & SYS_W_OK) m |= W_OK;
	if (mode & SYS_X_OK) m |= X_OK;
	return faccessat(AT_FDCWD, path, m ? m : F_OK, AT_EACCESS);
}

struct sys_dir {
	DIR *d;
};

sys_dir *sys_opendir(const char *path)
{
	DIR *d = opendir(path);
	if (!d)
		return NULL;
	sys_dir *sd = malloc(sizeof *sd);
	if (!sd) {
		closedir(d);
		errno = ENOMEM;
		return NULL;
	}
	sd->d = d;
	return sd;
}

static enum sys_dtype dtype_of(unsigned char t)
{
	switch (t) {
	case DT_REG: return SYS_DT_REG;
	case DT_DIR: return SYS_DT_DIR;
	case DT_LNK: return SYS_DT_LNK;
	case DT_FIFO: return SYS_DT_FIFO;
	case DT_SOCK: return SYS_DT_SOCK;
	case DT_CHR: return SYS_DT_CHR;
	case DT_BLK: return SYS_DT_BLK;
	default: return SYS_DT_UNKNOWN;
	}
}

int sys_readdir(sys_dir *dir, struct sys_dirent *ent)
{
	for (;;) {
		errno = 0;
		struct dirent *e = readdir(dir->d);
		if (!e)
			return errno ? -1 : 0;
		if (e->d_name[0] == '.' && (e->d_name[1] == 0 || (e->d_name[1] == '.' && e->d_name[2] == 0)))
			continue;
		ent->name = e->d_name;
		ent->type = dtype_of(e->d_type);
		ent->ino = (uint64_t)e->d_ino;
		return 1;
	}
}

int sys_closedir(sys_dir *dir)
{
	int r = closedir(dir->d);
	free(dir);
	return r;
}

int sys_mkdir(const char *path, uint32_t mode) { return mkdir(path, (mode_t)mode); }
int sys_rmdir(const char *path) { return rmdir(path); }
int sys_unlink(const char *path) { return unlink(path); }
int sys_link(const char *target, const char *linkpath) { return link(target, linkpath); }
int sys_symlink(const char *target, const char *linkpath) { return symlink(target, linkpath); }
int sys_rename(const char *from, const char *to) { return rename(from, to); }
int sys_chdir(const char *path) { return chdir(path); }
bool sys_is_sep(char c) { return c == '/'; }

char *sys_readlink(const char *path)
{
	size_t size = 256;
	for (;;) {
		char *buf = malloc(size);
		if (!buf)
			return NULL;
		ssize_t n = readlink(path, buf, size);
		if (n < 0) {
			free(buf);
			return NULL;
		}
		if ((size_t)n < size) {
			buf[n] = 0;
			return buf;
		}
		free(buf);
		size *= 2;
	}
}

char *sys_getcwd(void)
{
	size_t size = 256;
	for (;;) {
		char *buf = malloc(size);
		if (!buf)
			return NULL;
		if (getcwd(buf, size))
			return buf;
		free(buf);
		if (errno != ERANGE)
			return NULL;
		size *= 2;
	}
}
