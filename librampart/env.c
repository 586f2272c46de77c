/*
 * Configuration, and the environment every child must get back.
 *
 * A program can clear its environment (env -i, clearenv, an explicit envp)
 * before exec. If LD_PRELOAD went with it the grandchild would run
 * unprotected, and if RAMPART_MODE or RAMPART_FAIL_OPEN could be set by the
 * program it could switch the checks off for its children. So the values
 * this process was started with are copied once, here, and every exec puts
 * exactly those back: LD_PRELOAD must name this library (the child may add
 * its own libraries), and RAMPART_SOCKET, RAMPART_MODE, RAMPART_FAIL_OPEN,
 * RAMPART_TIMEOUT_MS, RAMPART_AGENT and RAMPART_SESSION are the loaded
 * values, or absent if they were absent.
 */
#define _GNU_SOURCE
#include "rampart.h"
#include "sys.h"

#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>


static const char *const var_names[RP_NVARS] = {
	[RP_VAR_PRELOAD] = "LD_PRELOAD",
	[RP_VAR_SOCKET] = "RAMPART_SOCKET",
	[RP_VAR_MODE] = "RAMPART_MODE",
	[RP_VAR_FAIL_OPEN] = "RAMPART_FAIL_OPEN",
	[RP_VAR_TIMEOUT] = "RAMPART_TIMEOUT_MS",
	[RP_VAR_AGENT] = "RAMPART_AGENT",
	[RP_VAR_SESSION] = "RAMPART_SESSION",
};

RP_DATA struct rp_config rp_cfg;

size_t rp_strlen(const char *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	return n;
}

/* rp_memcpy copies eight bytes at a time, then the rest one by one: the
 * paths and entries rp_init copies in every program started are tens of
 * bytes long. The eight-byte copies are single moves (no call). */
void rp_memcpy(void *dst, const void *src, size_t n)
{
	char *d = dst;
	const char *s = src;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		unsigned long long w;
		__builtin_memcpy(&w, s + i, 8);
		__builtin_memcpy(d + i, &w, 8);
	}
	for (; i < n; i++)
		d[i] = s[i];
}

int rp_memeq(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;
	for (size_t i = 0; i < n; i++)
		if (x[i] != y[i])
			return 0;
	return 1;
}

/* value_of returns the value of entry e when it is "name=...", else NULL. */
static const char *value_of(const char *e, const char *name)
{
	while (*name && *e == *name)
		name++, e++;
	return !*name && *e == '=' ? e + 1 : NULL;
}

extern char **environ;

const char *rp_getenv(const char *name)
{
	for (char **e = environ; e && *e; e++) {
		const char *v = value_of(*e, name);
		if (v)
			return v;
	}
	return NULL;
}

int rp_streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

const char *rp_basename(const char *s)
{
	const char *b = s;
	for (; *s; s++)
		if (*s == '/' && s[1])
			b = s + 1;
	return b;
}

/* copy copies src into dst (size n), returning 0 when it did not fit. */
static int copy(char *dst, size_t n, const char *src)
{
	size_t l = rp_strlen(src);
	if (l >= n) {
		dst[0] = 0;
		return 0;
	}
	rp_memcpy(dst, src, l + 1);
	return 1;
}

/* set_entry stores "NAME=value" as the entry children must get. A value
 * that does not fit leaves the variable unset in children. */
static void set_entry(enum rp_var v, const char *value)
{
	size_t nl = rp_strlen(var_names[v]), vl = rp_strlen(value);
	size_t need = nl + 1 + vl + 1;
	if (rp_cfg.envlen + need > sizeof rp_cfg.envbuf)
		return;
	char *e = rp_cfg.envbuf + rp_cfg.envlen;
	rp_memcpy(e, var_names[v], nl);
	e[nl] = '=';
	rp_memcpy(e + nl + 1, value, vl + 1);
	rp_cfg.env[v] = e;
	rp_cfg.envlen += need;
}

/* timeout_of reads RAMPART_TIMEOUT_MS as strtol(3) in base 10 would
 * (leading blanks and a sign allowed, digits up to the first other byte):
 * the milliseconds, or 0 when that is not from 1 to 600000. */
static int timeout_of(const char *t)
{
	while (*t == ' ' || (*t >= '\t' && *t <= '\r'))
		t++;
	int neg = *t == '-';
	if (*t == '+' || *t == '-')
		t++;
	long v = 0;
	for (; *t >= '0' && *t <= '9'; t++)
		if ((v = v * 10 + (*t - '0')) > 600000)
			return 0;
	return neg || v <= 0 ? 0 : (int)v;
}

/* The variables read at load: the rp_vars, then RAMPART_QUIET. */
#define RP_QUIET RP_NVARS

void rp_init(void)
{
	if (__atomic_load_n(&rp_cfg.inited, __ATOMIC_ACQUIRE))
		return;
	/* Runs from the constructor, before the program can have forked; a
	 * library constructor that execs earlier gets here first instead.
	 * Concurrent first calls write the same values.
	 *
	 * One pass over the environment finds every variable (the first
	 * entry of each name, as getenv(3) does): this runs in every program
	 * started with the library, most of which never exec. */
	const char *val[RP_NVARS + 1] = {0};
	for (char **e = environ; e && *e; e++) {
		const char *x = *e;
		if (x[0] != 'L' && x[0] != 'R')
			continue;
		for (int v = 0; v <= RP_QUIET; v++)
			if (!val[v]) {
				const char *got = value_of(x, v == RP_QUIET ? "RAMPART_QUIET" : var_names[v]);
				if (got) {
					val[v] = got;
					break;
				}
			}
	}
	const char *s = val[RP_VAR_SOCKET];
	if (s && *s)
		rp_cfg.have_socket = copy(rp_cfg.socket, sizeof rp_cfg.socket, s);
	rp_dgram_init();
	const char *m = val[RP_VAR_MODE];
	rp_cfg.monitor = m && rp_streq(m, "monitor");
	const char *f = val[RP_VAR_FAIL_OPEN];
	rp_cfg.fail_open = f && (rp_streq(f, "1") || rp_streq(f, "true"));
	const char *q = val[RP_QUIET];
	rp_cfg.quiet = q && rp_streq(q, "1");
	rp_cfg.envlen = 0;
	for (int v = 0; v < RP_NVARS; v++)
		rp_cfg.env[v] = "";
	rp_cfg.timeout_ms = RP_DEFAULT_TIMEOUT_MS;
	const char *t = val[RP_VAR_TIMEOUT];
	if (t && *t && timeout_of(t))
		rp_cfg.timeout_ms = timeout_of(t);
	const char *a = val[RP_VAR_AGENT];
	if (!a || !*a || !copy(rp_cfg.agent, sizeof rp_cfg.agent, a))
		copy(rp_cfg.agent, sizeof rp_cfg.agent, "librampart");
	const char *se = val[RP_VAR_SESSION];
	if (se)
		copy(rp_cfg.session, sizeof rp_cfg.session, se);

	/* Where this library lives, so children preload the same file. */
	Dl_info info;
	rp_cfg.self = "";
	if (dladdr((void *)&rp_init, &info) && info.dli_fname && info.dli_fname[0] == '/' &&
	    rp_strlen(info.dli_fname) < PATH_MAX) {
		set_entry(RP_VAR_PRELOAD, info.dli_fname);
		rp_cfg.self = rp_cfg.env[RP_VAR_PRELOAD] + sizeof "LD_PRELOAD=" - 1;
	} else if (val[RP_VAR_PRELOAD])
		set_entry(RP_VAR_PRELOAD, val[RP_VAR_PRELOAD]);
	for (int v = RP_VAR_SOCKET; v < RP_NVARS; v++)
		if (val[v])
			set_entry((enum rp_var)v, val[v]);
	__atomic_store_n(&rp_cfg.inited, 1, __ATOMIC_RELEASE);
}

/* name_is reports whether entry e is "NAME=..." for var v. */
static int name_is(const char *e, enum rp_var v)
{
	const char *n = var_names[v];
	while (*n && *e == *n)
		n++, e++;
	return !*n && *e == '=';
}

/* preload_has reports whether the LD_PRELOAD value list (separated by
 * spaces or colons, as ld.so reads it) names path exactly. */
static int preload_has(const char *list, const char *path)
{
	size_t pl = rp_strlen(path);
	const char *p = list;
	while (*p) {
		while (*p == ' ' || *p == ':')
			p++;
		const char *start = p;
		while (*p && *p != ' ' && *p != ':')
			p++;
		if ((size_t)(p - start) == pl) {
			size_t i = 0;
			while (i < pl && start[i] == path[i])
				i++;
			if (i == pl)
				return 1;
		}
	}
	return 0;
}

/* entry_ok reports whether envp entry e (for var v) is what children must
 * see: LD_PRELOAD naming this library, the others equal to the loaded ones. */
static int entry_ok(const char *e, enum rp_var v)
{
	if (v == RP_VAR_PRELOAD && rp_cfg.self[0])
		return preload_has(e + rp_strlen(var_names[v]) + 1, rp_cfg.self);
	return rp_streq(e, rp_cfg.env[v]);
}

size_t rp_env_check(char *const envp[])
{
	size_t n = 0;
	int seen[RP_NVARS] = {0};
	int bad = 0;
	if (envp)
		for (; envp[n]; n++) {
			const char *e = envp[n];
			if (e[0] != 'L' && e[0] != 'R')
				continue;
			for (int v = 0; v < RP_NVARS; v++)
				if (name_is(e, (enum rp_var)v)) {
					seen[v]++;
					if (seen[v] > 1 || !entry_ok(e, (enum rp_var)v))
						bad = 1;
				}
		}
	for (int v = 0; v < RP_NVARS; v++)
		if (!seen[v] && rp_cfg.env[v][0])
			bad = 1;
	return bad ? n + RP_NVARS + 1 : 0;
}

char **rp_env_fix(char *const envp[], char **out, size_t slots, char *buf, size_t bufsz)
{
	size_t k = 0;
	const char *preload = NULL;
	if (envp)
		for (size_t i = 0; envp[i] && k + RP_NVARS + 1 < slots; i++) {
			int managed = -1;
			if (envp[i][0] == 'L' || envp[i][0] == 'R')
				for (int v = 0; v < RP_NVARS; v++)
					if (name_is(envp[i], (enum rp_var)v))
						managed = v;
			if (managed == RP_VAR_PRELOAD && !preload)
				preload = envp[i];
			if (managed < 0)
				out[k++] = envp[i];
		}
	/* LD_PRELOAD: keep the child's own libraries, and add this one. */
	if (preload && rp_cfg.self[0]) {
		const char *val = preload + sizeof "LD_PRELOAD=" - 1;
		if (preload_has(val, rp_cfg.self)) {
			out[k++] = (char *)preload;
		} else {
			size_t vl = rp_strlen(val), sl = rp_strlen(rp_cfg.self);
			size_t need = sizeof "LD_PRELOAD=" - 1 + sl + 1 + vl + 1;
			if (need <= bufsz) {
				char *p = buf;
				for (const char *q = "LD_PRELOAD="; *q;)
					*p++ = *q++;
				for (size_t i = 0; i < sl; i++)
					*p++ = rp_cfg.self[i];
				*p++ = ':';
				for (size_t i = 0; i <= vl; i++)
					*p++ = val[i];
				out[k++] = buf;
			} else if (rp_cfg.env[RP_VAR_PRELOAD][0]) {
				out[k++] = (char *)rp_cfg.env[RP_VAR_PRELOAD];
			}
		}
	} else if (rp_cfg.env[RP_VAR_PRELOAD][0]) {
		out[k++] = (char *)rp_cfg.env[RP_VAR_PRELOAD];
	}
	for (int v = RP_VAR_SOCKET; v < RP_NVARS; v++)
		if (rp_cfg.env[v][0])
			out[k++] = (char *)rp_cfg.env[v];
	out[k] = NULL;
	return out;
}

void rp_say(const char *a, const char *b, const char *c, const char *d)
{
	if (rp_cfg.quiet)
		return;
	/* One write, so that lines from concurrent processes do not mix. */
	char line[1024];
	size_t n = 0;
	const char *parts[] = {"rampart: ", a, b, c, d};
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
		for (const char *p = parts[i]; p && *p && n < sizeof line - 2; p++)
			line[n++] = *p;
	line[n++] = '\n';
	rp_sys_write(2, line, n);
}
