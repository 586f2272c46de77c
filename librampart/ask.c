/*
 * Asking rampart-eval: one JSON line out, one JSON line back, over the unix
 * socket named by RAMPART_SOCKET.
 *
 *	{"tool":"exec","params":{"command":"/usr/bin/touch /tmp/x"},"agent":"librampart","cwd":"/home/u/p"}
 *	{"decision":"allow","eval_ns":900}
 *
 * The command line is rebuilt from the program path and argv with shell
 * quoting that a shell parser reads back into the same words. The request
 * is streamed through a small stack buffer, so a long command line costs
 * more writes, never heap. The whole exchange is bounded by
 * rp_cfg.timeout_ms; no answer in time means deny, unless
 * RAMPART_FAIL_OPEN=1.
 */
#define _GNU_SOURCE
#include "rampart.h"
#include "sys.h"

#include <errno.h>
#include <poll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* RP_REQUEST_MAX: rampart-eval reads lines of at most 4 MiB and answers a
 * longer one with a deny; stop streaming well past that (an exec's argv
 * and environment together are bounded by ARG_MAX, far below). */
#define RP_REQUEST_MAX (16u << 20)

/* The reply we need is at its start ({"decision":"...","message":...);
 * the rest of a long message is dropped. */
#define RP_REPLY_MAX 1024

/* An exec asks from the child of fork, where every page of stack it
 * touches below its parent's is a page fault: the one buffer of the
 * exchange holds the request, the working directory as it is read, and
 * the reply once the request is sent; and nothing on this path calls into
 * the C library (sys.h). The buffer is small (RP_SMALL), and left as it
 * is, not cleared, so that the whole way to the exec stays within about
 * two kilobytes of stack: most questions fit it. A question that does not
 * is asked again from a buffer of RP_LARGE, in a frame of its own that
 * only such a question touches (exchange_large). */
#define RP_SMALL 1024
#define RP_LARGE 4096

/* A writer connects on its first flush: the request is built first, so
 * that connect, send and shutdown follow each other at once and the
 * server, woken by the connect, finds the whole question waiting. A
 * question for an exec that fits the buffer whole, from a process with no
 * kept connection, goes as one datagram instead (rp_dgram_ask), and its
 * answer lands in buf. A small writer never flushes before its last byte:
 * a request longer than its buffer sets over and is not asked. */
struct writer {
	struct rp_conn *conn;
	int keep;     /* for rp_conn_get; unset, a datagram may be tried */
	int small;    /* the request is asked whole or not at all (over) */
	int over;     /* a small writer's request did not fit its buffer */
	int noconn;   /* the connection failed; why says how */
	int dgram;    /* RP_DGRAM_OK or RP_DGRAM_FAILED: asked as a datagram */
	size_t replylen; /* a datagram's answer, in buf */
	const char **why;
	int err;
	size_t total;
	size_t n;
	long *deadline; /* see due */
	int *held;      /* for an exec: a datagram's socket is left here */
	char *buf;      /* cap bytes, at least RP_REPLY_MAX */
	size_t cap;
};

long rp_now_ms(void)
{
	struct timespec ts;
	rp_sys_monotonic(&ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* due returns the exchange's deadline, reading the clock the first time
 * it is needed: a question asked as one datagram never needs it (its wait
 * is bounded by rp_cfg.timeout_ms from the send), and on the way to an
 * exec a call into the vDSO is one more page fault. */
static long due(long *deadline)
{
	if (!*deadline)
		*deadline = rp_now_ms() + rp_cfg.timeout_ms;
	return *deadline;
}

/* ask_dgram asks the whole request as a datagram when it may: the last
 * flush of a request that was never flushed before, for an exec, in a
 * process with no kept connection to use. It reports whether it asked. */
static int ask_dgram(struct writer *w)
{
	if (w->keep || w->total != w->n || rp_conn_take(w->conn))
		return 0;
	long left = *w->deadline ? *w->deadline - rp_now_ms() : rp_cfg.timeout_ms;
	int r = rp_dgram_ask(w->buf, w->n, left > 0 ? (int)left : 0, w->buf, RP_REPLY_MAX, &w->replylen, w->held);
	if (r == RP_DGRAM_NONE)
		return 0;
	w->dgram = r;
	w->n = 0;
	return 1;
}

static void flush_to(struct writer *w, int last)
{
	if (w->over)
		return;
	if (w->conn->fd < 0 && !w->err && last && ask_dgram(w))
		return;
	if (w->conn->fd < 0 && !w->err && rp_conn_get(w->conn, w->keep, w->why) < 0)
		w->err = w->noconn = 1;
	size_t off = 0;
	while (!w->err && off < w->n) {
		long r = rp_sys_send(w->conn->fd, w->buf + off, w->n - off, MSG_NOSIGNAL);
		if (r < 0) {
			if (r == -EINTR)
				continue;
			w->err = 1;
			break;
		}
		off += (size_t)r;
	}
	w->n = 0;
	if (rp_now_ms() > due(w->deadline))
		w->err = 1;
}

static void flush(struct writer *w) { flush_to(w, 0); }

static void put(struct writer *w, char c)
{
	if (w->n == w->cap) {
		if (w->small) {
			w->over = 1;
			return;
		}
		flush(w);
	}
	w->buf[w->n++] = c;
	if (++w->total > RP_REQUEST_MAX)
		w->err = 1;
}

static void puts_raw(struct writer *w, const char *s)
{
	while (*s)
		put(w, *s++);
}

/* put_json writes byte c escaped for a JSON string. Bytes from 0x80 up go
 * through as they are: UTF-8 stays UTF-8. */
static void put_json(struct writer *w, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";
	switch (c) {
	case '"':
		put(w, '\\'), put(w, '"');
		return;
	case '\\':
		put(w, '\\'), put(w, '\\');
		return;
	case '\n':
		put(w, '\\'), put(w, 'n');
		return;
	case '\t':
		put(w, '\\'), put(w, 't');
		return;
	case '\r':
		put(w, '\\'), put(w, 'r');
		return;
	}
	if (c < 0x20 || c == 0x7f) {
		puts_raw(w, "\\u00");
		put(w, hex[c >> 4]);
		put(w, hex[c & 15]);
		return;
	}
	put(w, (char)c);
}

static void put_json_str(struct writer *w, const char *s)
{
	while (*s)
		put_json(w, (unsigned char)*s++);
}

/* safe reports whether c needs no quoting in a shell word. '=' is safe
 * except in the first word, where it would read as an assignment. */
static int safe(unsigned char c, int first)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
		return 1;
	switch (c) {
	case '_': case '-': case '.': case '/': case ':': case ',': case '+': case '@': case '%':
		return 1;
	case '=':
		return !first;
	}
	return 0;
}

/* put_word writes s as one shell word: bare when every byte is safe, else
 * in single quotes with each ' written as '\''. */
static void put_word(struct writer *w, const char *s, int first)
{
	int bare = *s != 0;
	for (const char *p = s; *p && bare; p++)
		bare = safe((unsigned char)*p, first);
	if (bare) {
		put_json_str(w, s);
		return;
	}
	put(w, '\'');
	for (; *s; s++) {
		if (*s == '\'') {
			/* close, an escaped quote, reopen: '\'' */
			put(w, '\'');
			put_json(w, '\\');
			put(w, '\'');
			put(w, '\'');
		} else
			put_json(w, (unsigned char)*s);
	}
	put(w, '\'');
}

/* same_name reports whether argv[0] names the program that runs, so the
 * command line can start with the path alone. A login shell's leading '-'
 * does not count. */
static int same_name(const char *prog, const char *arg0)
{
	if (!arg0)
		return 1;
	const char *a = rp_basename(arg0);
	if (*a == '-')
		a++;
	return rp_streq(rp_basename(prog), a);
}

static void put_header(struct writer *w)
{
	puts_raw(w, "{\"tool\":\"exec\",\"params\":{\"command\":\"");
}

/* put_cwd_escaped is put_cwd for a path that needs escaping or does not
 * fit the buffer's free end: rare, so its buffer is out of line. */
static __attribute__((noinline)) void put_cwd_escaped(struct writer *w)
{
	char cwd[PATH_MAX];
	if (rp_sys_getcwd(cwd, sizeof cwd) < 0)
		return;
	puts_raw(w, ",\"cwd\":\"");
	put_json_str(w, cwd);
	put(w, '"');
}

/* plain reports whether s[0:n] goes into a JSON string unescaped. */
static int plain(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7f || c == '"' || c == '\\')
			return 0;
	}
	return 1;
}

/* put_cwd writes the working directory as the "cwd" member, or nothing
 * when there is none. It is read straight into the free end of the
 * buffer, where it is already written when it needs no escaping (nearly
 * every path); else it goes through put_cwd_escaped. */
static void put_cwd(struct writer *w)
{
	static const char key[] = ",\"cwd\":\"";
	size_t kl = sizeof key - 1;
	/* Room for the key, the path and its NUL, and the closing "}\n. */
	if (w->over)
		return;
	if (!w->err && w->n + kl + 2 + 3 <= w->cap) {
		char *at = w->buf + w->n + kl;
		long l = rp_sys_getcwd(at, w->cap - w->n - kl - 3);
		if (l < 0 && l != -ERANGE)
			return;
		if (l == -ERANGE && w->small) {
			/* Longer than what is left: so is the request. */
			w->over = 1;
			return;
		}
		if (l >= 0 && plain(at, (size_t)l)) {
			for (size_t i = 0; i < kl; i++)
				w->buf[w->n + i] = key[i];
			w->n += kl + (size_t)l;
			w->total += kl + (size_t)l;
			put(w, '"');
			return;
		}
	}
	put_cwd_escaped(w);
}

static void put_trailer(struct writer *w)
{
	puts_raw(w, "\"},\"agent\":\"");
	put_json_str(w, rp_cfg.agent);
	put(w, '"');
	if (rp_cfg.session[0]) {
		puts_raw(w, ",\"session\":\"");
		put_json_str(w, rp_cfg.session);
		put(w, '"');
	}
	put_cwd(w);
	puts_raw(w, "}\n");
	flush_to(w, 1);
}

/* Outcome of one exchange. */
enum { GOT_ALLOW, GOT_DENY, GOT_APPROVAL, GOT_NOTHING };

/* find returns the position of needle in hay[0:n], or NULL. */
static const char *find(const char *hay, size_t n, const char *needle)
{
	size_t nl = rp_strlen(needle);
	for (size_t i = 0; i + nl <= n; i++) {
		size_t j = 0;
		while (j < nl && hay[i + j] == needle[j])
			j++;
		if (j == nl)
			return hay + i;
	}
	return NULL;
}

/* prefix reports whether s[0:n] starts with p. */
static int prefix(const char *s, size_t n, const char *p)
{
	size_t i = 0;
	for (; p[i]; i++)
		if (i >= n || s[i] != p[i])
			return 0;
	return 1;
}

/* value returns where the string value of key starts in reply[0:n] (just
 * after its opening quote), allowing JSON whitespace around the colon. */
static const char *value(const char *reply, size_t n, const char *key)
{
	const char *end = reply + n;
	const char *p = find(reply, n, key);
	if (!p)
		return NULL;
	p += rp_strlen(key);
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p >= end || *p++ != ':')
		return NULL;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p >= end || *p++ != '"')
		return NULL;
	return p;
}

/* message copies the decision's message (JSON-unescaped, non-ASCII
 * escapes shown as '?') into out. */
static void message(const char *reply, size_t n, char *out, size_t outsz)
{
	size_t k = 0;
	out[0] = 0;
	const char *m = value(reply, n, "\"message\"");
	if (!m)
		return;
	const char *end = reply + n;
	for (; m < end && *m != '"' && k + 1 < outsz; m++) {
		char c = *m;
		if (c == '\\' && m + 1 < end) {
			c = *++m;
			if (c == 'n' || c == 't' || c == 'r')
				c = ' ';
			else if (c == 'u') {
				m += m + 4 < end ? 4 : 0;
				c = '?';
			}
		}
		out[k++] = c;
	}
	out[k] = 0;
}

/* Outcome of reading one reply. */
enum { READ_OK, READ_CLOSED, READ_FAILED };

/* read_reply reads one reply line into reply (its start, when it is
 * longer) and consumes the rest of it, so that a kept connection is left
 * at the next reply. READ_CLOSED: the stream ended (or was reset) before
 * its first byte. Out of line: an exec's question is a datagram, and its
 * way need not hold this frame's spill buffer. */
static __attribute__((noinline)) int read_reply(int fd, long deadline, char *reply, size_t cap, size_t *len)
{
	size_t n = 0, seen = 0;
	char spill[256];
	for (;;) {
		long left = deadline - rp_now_ms();
		if (left <= 0)
			return READ_FAILED;
		struct timespec ts = {.tv_sec = left / 1000, .tv_nsec = (left % 1000) * 1000000L};
		int r = rp_sys_wait_in(fd, &ts);
		if (r == -EINTR)
			continue;
		if (r <= 0)
			return READ_FAILED;
		char *to = n < cap ? reply + n : spill;
		size_t room = n < cap ? cap - n : sizeof spill;
		long got = rp_sys_recv(fd, to, room, 0);
		if (got == -EINTR)
			continue;
		if (got <= 0)
			return seen == 0 && (got == 0 || got == -ECONNRESET) ? READ_CLOSED : READ_FAILED;
		seen += (size_t)got;
		if (find(to, (size_t)got, "\n")) {
			if (to == reply + n)
				n += (size_t)got;
			*len = n;
			return READ_OK;
		}
		if (to == reply + n)
			n += (size_t)got;
	}
}

/* judge reads the decision in reply[0:n]: GOT_ALLOW, GOT_DENY,
 * GOT_APPROVAL (a deny: no one can approve from inside an exec) or
 * GOT_NOTHING with *why set. */
static int judge(const char *reply, size_t n, const char **why)
{
	/* "decision" can only match as a key: inside a JSON string every quote
	 * is escaped. rampart-eval writes it first. */
	const char *d = value(reply, n, "\"decision\"");
	*why = "unreadable answer";
	if (!d)
		return GOT_NOTHING;
	size_t left = (size_t)(reply + n - d);
	if (prefix(d, left, "allow\"") || prefix(d, left, "log\""))
		return GOT_ALLOW;
	if (prefix(d, left, "deny\""))
		return GOT_DENY;
	if (prefix(d, left, "require_approval\""))
		return GOT_APPROVAL;
	return GOT_NOTHING;
}

/* say_denied says that what is denied, with the message of the answer
 * reply[0:n]. Its buffer is in a frame of its own, which only a deny
 * touches. */
static __attribute__((noinline)) void say_denied(const char *reply, size_t n, const char *what, int approval)
{
	char msg[512];
	message(reply, n, msg, sizeof msg);
	if (approval) {
		/* No human can be asked from inside an exec: deny, and say so. */
		const char *note = " (requires approval, which preload cannot ask for)";
		size_t k = rp_strlen(msg);
		for (; *note && k + 1 < sizeof msg; note++)
			msg[k++] = *note;
		msg[k] = 0;
	}
	rp_say("denied: ", what, msg[0] ? ": " : "", msg);
}

/* settle turns the outcome of an exchange (its answer in reply[0:n]) into
 * RP_ALLOW or RP_DENY, applying monitor and fail-open, and reports. */
static int settle(int got, const char *reply, size_t n, const char *what, const char *why)
{
	switch (got) {
	case GOT_ALLOW:
		return RP_ALLOW;
	case GOT_DENY:
	case GOT_APPROVAL:
		if (rp_cfg.monitor)
			return RP_ALLOW;
		say_denied(reply, n, what, got == GOT_APPROVAL);
		return RP_DENY;
	}
	if (rp_cfg.monitor)
		return RP_ALLOW;
	if (rp_cfg.fail_open) {
		rp_say("no decision (", why, "); allowed because RAMPART_FAIL_OPEN=1: ", what);
		return RP_ALLOW;
	}
	rp_say("no decision (", why, "); denied (RAMPART_FAIL_OPEN=1 would allow): ", what);
	return RP_DENY;
}

/* One question: body writes the request from a and b; keep and held as
 * for the writer; what names the call in messages. */
struct ask {
	void (*body)(struct writer *, const void *, const void *);
	const void *a, *b;
	int keep;
	int *held;
	const char *what;
};

/* RP_OVER: exchange_in with a small buffer asked nothing, as the request
 * is longer than the buffer. */
#define RP_OVER (-1)

/* exchange_in streams the request of q through buf[0:cap] and reads the
 * decision, on the process's kept connection or a fresh one (keep: the
 * caller returns to the program, so a fresh connection is kept for its
 * next question), and settles it: RP_ALLOW or RP_DENY. With small set it
 * asks only a request that fits buf whole, else returns RP_OVER. */
static int exchange_in(const struct ask *q, char *buf, size_t cap, int small)
{
	const char *why = "";
	long deadline = 0; /* see due */
	/* A kept connection found closed before any answer (the server let
	 * it go idle, or restarted) is replaced once. */
	for (int attempt = 0; attempt < 2; attempt++) {
		struct rp_conn c = {.fd = -1};
		struct writer w = {.conn = &c,
				   .keep = q->keep,
				   .small = small,
				   .why = &why,
				   .deadline = &deadline,
				   .held = q->held,
				   .buf = buf,
				   .cap = cap};
		char *reply = buf; /* free once the request is sent */
		q->body(&w, q->a, q->b);
		if (w.over)
			return RP_OVER; /* nothing was opened or sent */
		if (w.dgram == RP_DGRAM_OK)
			return settle(judge(reply, w.replylen, &why), reply, w.replylen, q->what, why);
		if (w.dgram == RP_DGRAM_FAILED)
			return settle(GOT_NOTHING, reply, 0, q->what, "no answer in time");
		if (c.fd < 0) {
			if (!w.noconn)
				why = "cannot send the request";
			return settle(GOT_NOTHING, reply, 0, q->what, why);
		}
		if (w.err && !c.reused) {
			rp_conn_put(&c, 0);
			return settle(GOT_NOTHING, reply, 0, q->what, "cannot send the request");
		}
		/* One question on this connection: say so, and the server finds
		 * the end of the stream right after the line instead of waking
		 * up for it once we are gone. */
		if (!c.kept)
			rp_sys_shutdown(c.fd, SHUT_WR);
		size_t n = 0;
		int r = w.err ? READ_CLOSED : read_reply(c.fd, due(&deadline), reply, RP_REPLY_MAX, &n);
		rp_conn_put(&c, r == READ_OK);
		if (r == READ_OK)
			return settle(judge(reply, n, &why), reply, n, q->what, why);
		if (r != READ_CLOSED || !c.reused)
			return settle(GOT_NOTHING, reply, 0, q->what, "no answer in time");
	}
	return settle(GOT_NOTHING, buf, 0, q->what, "no answer in time");
}

/* exchange_large is exchange_in with a buffer of RP_LARGE, in a frame of
 * its own. */
static __attribute__((noinline)) int exchange_large(const struct ask *q)
{
	char buf[RP_LARGE];
	return exchange_in(q, buf, sizeof buf, 0);
}

/* exchange asks q and settles the answer: RP_ALLOW or RP_DENY. An exec's
 * question (no keep) is built in a small buffer first, and asked from a
 * large one only when it does not fit; the others are streamed from the
 * large one. */
static int exchange(const struct ask *q)
{
	if (!rp_cfg.have_socket)
		return settle(GOT_NOTHING, "", 0, q->what, "not configured: RAMPART_SOCKET is not set");
	if (!q->keep) {
		char buf[RP_SMALL];
		int v = exchange_in(q, buf, sizeof buf, 1);
		if (v != RP_OVER)
			return v;
	}
	return exchange_large(q);
}

static void body_argv(struct writer *w, const void *a, const void *b)
{
	const char *prog = a;
	char *const *argv = (char *const *)b;
	put_header(w);
	if (argv && argv[0] && !same_name(prog, argv[0])) {
		/* The program sees another name (busybox applets, exec -a):
		 * say both, the way a shell would. */
		puts_raw(w, "exec -a ");
		put_word(w, argv[0], 0);
		put(w, ' ');
	}
	put_word(w, prog, 1);
	if (argv && argv[0])
		for (size_t i = 1; argv[i] && !w->err; i++) {
			put(w, ' ');
			put_word(w, argv[i], 0);
		}
	put_trailer(w);
}

static void body_shell(struct writer *w, const void *a, const void *b)
{
	(void)b;
	put_header(w);
	put_json_str(w, a);
	put_trailer(w);
}

/* ask_argv leaves errno alone without saving it: nothing it calls sets it
 * (sys.h; rp_say and adopt keep it), and errno lives behind a call into
 * the C library, one more page fault on the way to an exec. */
static int ask_argv(const char *prog, char *const argv[], int keep, int *held)
{
	rp_busy = 1;
	struct ask q = {.body = body_argv, .a = prog, .b = argv, .keep = keep, .held = held, .what = prog};
	int v = exchange(&q);
	rp_busy = 0;
	return v;
}

int rp_ask_argv(const char *prog, char *const argv[], int *held) { return ask_argv(prog, argv, 0, held); }

int rp_ask_spawn(const char *prog, char *const argv[]) { return ask_argv(prog, argv, 1, NULL); }

int rp_ask_shell(const char *command)
{
	int saved = errno;
	rp_busy = 1;
	/* Name the command, shortened: a message line, not a transcript. */
	char what[128];
	size_t k = 0;
	for (; command[k] && k + 4 < sizeof what; k++)
		what[k] = command[k] == '\n' ? ' ' : command[k];
	if (command[k])
		what[k++] = '.', what[k++] = '.', what[k++] = '.';
	what[k] = 0;
	struct ask q = {.body = body_shell, .a = command, .keep = 1, .what = what};
	int v = exchange(&q);
	rp_busy = 0;
	errno = saved;
	return v;
}
