/* userdb.c: passwd and group files parsed directly (userdb.h). */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "in.h"
#include "sys.h"
#include "userdb.h"
#include "xalloc.h"

struct userdb_file {
	char *text, *pos, *end;
};

/* A line's name (first field) and id (third field). */
struct userdb_entry {
	const char *name;
	size_t namelen;
	uint32_t id;
};

/* Read PATH whole. False with errno when it exists but cannot be read. */
static bool db_open(struct userdb_file *f, const char *path)
{
	f->text = f->pos = f->end = NULL;
	int fd = sys_open(path, SYS_O_RDONLY, 0);
	if (fd < 0) {
		if (errno != ENOENT)
			return false;
		errno = 0;
		return true;
	}
	size_t len;
	f->text = in_read_all(fd, &len);
	int err = errno;
	sys_close(fd);
	if (!f->text) {
		errno = err;
		return false;
	}
	f->pos = f->text;
	f->end = f->text + len;
	errno = 0;
	return true;
}

static void db_close(struct userdb_file *f)
{
	free(f->text);
}

/* The decimal id in [P, P+LEN): false unless it is one that fits. */
static bool parse_id(const char *p, size_t len, uint32_t *id)
{
	uint64_t v = 0;
	if (len == 0 || len > 10)
		return false;
	for (size_t i = 0; i < len; i++) {
		if (p[i] < '0' || p[i] > '9')
			return false;
		v = v * 10 + (uint64_t)(p[i] - '0');
	}
	if (v > UINT32_MAX)
		return false;
	*id = (uint32_t)v;
	return true;
}

/* Split LINE (LEN bytes, no newline) into E; false for a line to skip.
   The id field ends at a colon or at the end of the line. */
static bool parse_line(const char *line, size_t len, struct userdb_entry *e)
{
	const char *end = line + len;
	while (line < end && (*line == ' ' || *line == '\t'))
		line++;
	if (line == end || *line == '#' || *line == '+' || *line == '-')
		return false;
	const char *field[3];
	const char *p = line;
	for (int i = 0; i < 2; i++) {
		const char *colon = memchr(p, ':', (size_t)(end - p));
		if (!colon)
			return false;
		field[i] = p;
		p = colon + 1;
	}
	field[2] = p;
	const char *idend = memchr(field[2], ':', (size_t)(end - field[2]));
	if (!idend)
		idend = end;
	if (!parse_id(field[2], (size_t)(idend - field[2]), &e->id))
		return false;
	e->name = field[0];
	e->namelen = (size_t)(field[1] - 1 - field[0]);
	return e->namelen > 0;
}

/* The next entry of F, or false at the end. */
static bool db_next(struct userdb_file *f, struct userdb_entry *e)
{
	while (f->pos < f->end) {
		char *line = f->pos;
		char *nl = memchr(line, '\n', (size_t)(f->end - line));
		char *eol = nl ? nl : f->end;
		f->pos = nl ? nl + 1 : f->end;
		if (parse_line(line, (size_t)(eol - line), e))
			return true;
	}
	return false;
}

char *userdb_name(const char *path, uint32_t id)
{
	struct userdb_file f;
	struct userdb_entry e;
	char *name = NULL;

	if (!db_open(&f, path))
		return NULL;
	while (!name && db_next(&f, &e))
		if (e.id == id) {
			name = xmalloc(e.namelen + 1);
			memcpy(name, e.name, e.namelen);
			name[e.namelen] = '\0';
		}
	db_close(&f);
	errno = 0;
	return name;
}
