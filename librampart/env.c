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

struct rp_config rp_cfg;

size_t rp_strlen(const char *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	return n;
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
	size_t l = strlen(src);
	if (l >= n) {
		dst[0] = 0;
		return 0;
	}
	memcpy(dst, src, l + 1);
	return 1;
}

/* set_entry stores "NAME=value" as the entry children must get. A value
 * that does not fit leaves the variable unset in children. */
static void set_entry(enum rp_var v, const char *value)
{
	size_t nl = strlen(var_names[v]), vl = strlen(value);
	size_t need = nl + 1 + vl + 1;
	if (rp_cfg.envlen + need > sizeof rp_cfg.envbuf)
		return;
	char *e = rp_cfg.envbuf + rp_cfg.envlen;
	memcpy(e, var_names[v], nl);
	e[nl] = '=';
	memcpy(e + nl + 1, value, vl + 1);
	rp_cfg.env[v] = e;
	rp_cfg.envlen += need;
}

void rp_init(void)
{
	if (__atomic_load_n(&rp_cfg.inited, __ATOMIC_ACQUIRE))
		return;
	/* Runs from the constructor, before the program can have forked; a
	 * library constructor that execs earlier gets here first instead.
	 * Concurrent first calls write the same values. */
	const char *s = getenv("RAMPART_SOCKET");
	if (s && *s)
		rp_cfg.have_socket = copy(rp_cfg.socket, sizeof rp_cfg.socket, s);
	rp_dgram_init();
	const char *m = getenv("RAMPART_MODE");
	rp_cfg.monitor = m && strcmp(m, "monitor") == 0;
	const char *f = getenv("RAMPART_FAIL_OPEN");
	rp_cfg.fail_open = f && (strcmp(f, "1") == 0 || strcmp(f, "true") == 0);
	const char *q = getenv("RAMPART_QUIET");
	rp_cfg.quiet = q && strcmp(q, "1") == 0;
	rp_cfg.envlen = 0;
	for (int v = 0; v < RP_NVARS; v++)
		rp_cfg.env[v] = "";
	rp_cfg.timeout_ms = RP_DEFAULT_TIMEOUT_MS;
	const char *t = getenv("RAMPART_TIMEOUT_MS");
	if (t && *t) {
		long v = strtol(t, NULL, 10);
		if (v > 0 && v <= 600000)
			rp_cfg.timeout_ms = (int)v;
	}
	const char *a = getenv("RAMPART_AGENT");
	if (!a || !*a || !copy(rp_cfg.agent, sizeof rp_cfg.agent, a))
		copy(rp_cfg.agent, sizeof rp_cfg.agent, "librampart");
	const char *se = getenv("RAMPART_SESSION");
	if (se)
		copy(rp_cfg.session, sizeof rp_cfg.session, se);

	/* Where this library lives, so children preload the same file. */
	Dl_info info;
	rp_cfg.self = "";
	if (dladdr((void *)&rp_init, &info) && info.dli_fname && info.dli_fname[0] == '/' &&
	    strlen(info.dli_fname) < PATH_MAX) {
		set_entry(RP_VAR_PRELOAD, info.dli_fname);
		rp_cfg.self = rp_cfg.env[RP_VAR_PRELOAD] + sizeof "LD_PRELOAD=" - 1;
	} else if (getenv("LD_PRELOAD"))
		set_entry(RP_VAR_PRELOAD, getenv("LD_PRELOAD"));
	for (int v = RP_VAR_SOCKET; v < RP_NVARS; v++) {
		const char *val = getenv(var_names[v]);
		if (val)
			set_entry((enum rp_var)v, val);
	}
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
	int saved = errno;
	ssize_t r = write(2, line, n);
	(void)r;
	errno = saved;
}
