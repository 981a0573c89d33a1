/*
 * Windows backend: users and groups.
 *
 * Windows names accounts by SID, sys.h by 32-bit number. The number for a
 * SID is its relative id when the SID is a local or domain account
 * (S-1-5-21-...-RID), a builtin group (S-1-5-32-RID) or an NT authority
 * account (S-1-5-N): 1000 for the first local user, 544 for
 * Administrators, 18 for SYSTEM; these are the same in every process on
 * one machine. Any other SID, or one whose relative id another SID
 * already took, gets a number from 0x80000000 up that is valid only in
 * this process. Names come from LookupAccountSidW, without the domain.
 */
#include "sys.h"
#include "w32.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct sid_entry {
	PSID sid;
	uint32_t id;
};

static struct sid_entry *map;
static size_t nmap, capmap;

static struct sid_entry *find_sid(PSID sid)
{
	for (size_t i = 0; i < nmap; i++)
		if (EqualSid(map[i].sid, sid))
			return &map[i];
	return NULL;
}

static struct sid_entry *find_id(uint32_t id)
{
	for (size_t i = 0; i < nmap; i++)
		if (map[i].id == id)
			return &map[i];
	return NULL;
}

/* The relative id that stands for SID, or 0 when it has none. */
static uint32_t natural_id(PSID sid)
{
	SID_IDENTIFIER_AUTHORITY *a = GetSidIdentifierAuthority(sid);
	static const BYTE nt[6] = { 0, 0, 0, 0, 0, 5 };
	if (memcmp(a->Value, nt, 6) != 0)
		return 0;
	UCHAR n = *GetSidSubAuthorityCount(sid);
	if (n == 0)
		return 0;
	DWORD first = *GetSidSubAuthority(sid, 0);
	if (n == 1)
		return first;
	if ((first == 21 && n >= 5) || (first == 32 && n == 2))
		return *GetSidSubAuthority(sid, n - 1);
	return 0;
}

uint32_t w32_sid_id(PSID sid)
{
	struct sid_entry *e = find_sid(sid);
	if (e)
		return e->id;
	if (nmap == capmap) {
		size_t cap = capmap ? capmap * 2 : 16;
		struct sid_entry *m = realloc(map, cap * sizeof *m);
		if (!m)
			return (uint32_t)-1;
		map = m;
		capmap = cap;
	}
	DWORD len = GetLengthSid(sid);
	PSID copy = malloc(len);
	if (!copy || !CopySid(len, copy, sid)) {
		free(copy);
		return (uint32_t)-1;
	}
	uint32_t id = natural_id(sid);
	if (id == 0 || find_id(id))
		id = 0x80000000u + (uint32_t)nmap;
	map[nmap++] = (struct sid_entry){ copy, id };
	return id;
}

/* The process token's user, primary group and groups, mapped once. */
static bool token_read;
static uint32_t token_uid, token_gid;
static uint32_t *token_groups;
static size_t ntoken_groups;

static void *token_info(HANDLE tok, TOKEN_INFORMATION_CLASS cls)
{
	DWORD len = 0;
	GetTokenInformation(tok, cls, NULL, 0, &len);
	if (len == 0)
		return NULL;
	void *buf = malloc(len);
	if (buf && !GetTokenInformation(tok, cls, buf, len, &len)) {
		free(buf);
		buf = NULL;
	}
	return buf;
}

static void read_token(void)
{
	if (token_read)
		return;
	token_read = true;
	token_uid = token_gid = (uint32_t)-1;
	HANDLE tok;
	if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &tok))
		return;
	TOKEN_USER *u = token_info(tok, TokenUser);
	if (u)
		token_uid = w32_sid_id(u->User.Sid);
	TOKEN_PRIMARY_GROUP *g = token_info(tok, TokenPrimaryGroup);
	if (g)
		token_gid = w32_sid_id(g->PrimaryGroup);
	TOKEN_GROUPS *gs = token_info(tok, TokenGroups);
	if (gs) {
		token_groups = malloc(gs->GroupCount * sizeof *token_groups + 1);
		for (DWORD i = 0; token_groups && i < gs->GroupCount; i++)
			if ((gs->Groups[i].Attributes & SE_GROUP_ENABLED)
			    && !(gs->Groups[i].Attributes & SE_GROUP_USE_FOR_DENY_ONLY))
				token_groups[ntoken_groups++] = w32_sid_id(gs->Groups[i].Sid);
	}
	free(u);
	free(g);
	free(gs);
	CloseHandle(tok);
}

uint32_t sys_getuid(void)
{
	read_token();
	return token_uid;
}

uint32_t sys_geteuid(void)
{
	return sys_getuid();
}

uint32_t sys_getgid(void)
{
	read_token();
	return token_gid;
}

uint32_t sys_getegid(void)
{
	return sys_getgid();
}

bool sys_in_group(uint32_t gid)
{
	read_token();
	if (gid == token_gid)
		return true;
	for (size_t i = 0; i < ntoken_groups; i++)
		if (token_groups[i] == gid)
			return true;
	return false;
}

static char *account_name(uint32_t id)
{
	read_token();
	struct sid_entry *e = find_id(id);
	if (!e)
		return NULL;
	wchar_t name[256], domain[256];
	DWORD nlen = 256, dlen = 256;
	SID_NAME_USE use;
	if (!LookupAccountSidW(NULL, e->sid, name, &nlen, domain, &dlen, &use))
		return NULL;
	return w32_utf8(name, -1, NULL);
}

char *sys_user_name(uint32_t uid)
{
	errno = 0;
	return account_name(uid);
}

char *sys_group_name(uint32_t gid)
{
	errno = 0;
	return account_name(gid);
}

char *sys_login_name(void)
{
	wchar_t name[257];
	DWORD n = sizeof name / sizeof name[0];
	if (!GetUserNameW(name, &n)) {
		w32_fail();
		return NULL;
	}
	return w32_utf8(name, -1, NULL);
}
