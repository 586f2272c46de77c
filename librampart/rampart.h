/*
 * librampart: internal interfaces shared by the interposers (interpose.c),
 * the decision client (ask.c) and the environment keeper (env.c).
 *
 * Everything here may run in the child of vfork(2), or in a child of fork(2)
 * in a multithreaded program, right before exec: only async-signal-safe
 * calls, no heap, no stdio, no locks. Buffers live on the stack; the one
 * exception (env.c, an environment of more than RP_ENV_STACK entries) uses
 * mmap(2) and says so.
 */
#ifndef RAMPART_H
#define RAMPART_H

#include <limits.h>
#include <stddef.h>
#include <sys/un.h>

/* RP_SOCK_MAX: a unix socket path must fit sockaddr_un.sun_path. */
#define RP_SOCK_MAX (sizeof(((struct sockaddr_un *)0)->sun_path))

/* RP_VALUE_MAX bounds a copied environment value (RAMPART_MODE and friends
 * are short words; the socket path is bounded by RP_SOCK_MAX anyway). */
#define RP_VALUE_MAX 256

/* RP_DEFAULT_TIMEOUT_MS: connect + request + reply, per exec. Long enough
 * for a loaded machine, short enough that a dead server is noticed. */
#define RP_DEFAULT_TIMEOUT_MS 2000

/* The environment variables that must survive into every child. */
enum rp_var {
	RP_VAR_PRELOAD,   /* LD_PRELOAD: this library */
	RP_VAR_SOCKET,    /* RAMPART_SOCKET: where rampart-eval listens */
	RP_VAR_MODE,      /* RAMPART_MODE: "monitor" asks and never blocks */
	RP_VAR_FAIL_OPEN, /* RAMPART_FAIL_OPEN: "1" allows when no answer comes */
	RP_VAR_TIMEOUT,   /* RAMPART_TIMEOUT_MS */
	RP_VAR_AGENT,     /* RAMPART_AGENT: who the audit trail names */
	RP_VAR_SESSION,   /* RAMPART_SESSION */
	RP_NVARS
};

/* Configuration read once, when the library is loaded, from the process's
 * own environment. A process cannot change it later: children always get
 * these values back (see env.c). */
struct rp_config {
	int inited;     /* rp_init has run (here, not a variable of its own:
			 * one page of this structure is all loading touches) */
	int monitor;    /* RAMPART_MODE=monitor */
	int fail_open;  /* RAMPART_FAIL_OPEN=1 */
	int quiet;      /* RAMPART_QUIET=1: no messages on stderr */
	int timeout_ms; /* RAMPART_TIMEOUT_MS, else RP_DEFAULT_TIMEOUT_MS */
	int have_socket;
	char socket[RP_SOCK_MAX];
	char agent[64];    /* RAMPART_AGENT, else "librampart" */
	char session[128]; /* RAMPART_SESSION, may be empty */
	/* The datagram socket's address (RAMPART_SOCKET and ".dgram") and
	 * the answering socket's (and ".reply"), set with the rest so that an
	 * exec only reads them; have_dgram and have_reply are 0 when they do
	 * not fit (see rp_dgram_ask). */
	int have_dgram;
	int have_reply;
	struct sockaddr_un dgram;
	struct sockaddr_un reply;
	/* "NAME=value" for each rp_var as the child must see it, or "" when
	 * the variable was unset at load time (and must stay unset). They
	 * point into envbuf, packed, so that loading touches few pages. */
	const char *env[RP_NVARS];
	size_t envlen;
	/* This library's path as the loader found it (the value of the
	 * LD_PRELOAD entry in envbuf), or "". */
	const char *self;
	/* Last, and written only as far as it is used: loading every new
	 * program touches one page of this structure, not four. */
	char envbuf[2 * PATH_MAX];
};

extern struct rp_config rp_cfg;

/* RP_DATA places a variable that starts zero in .data1 (initialized
 * data, after .data) rather than .bss: the library has no .bss, so its
 * writable part is one mapping of the file. With a .bss past the file's
 * last page, every program the library is loaded into paid one more mmap
 * (of zero pages) at load, and each fork one more mapping to copy. After
 * .data, not in it: what loading writes (the relocated .data, rp_cfg's
 * head, ready) stays in one page, and the zero bytes in the file cost
 * nothing until a page of them is touched, as before. */
#define RP_DATA __attribute__((section(".data1")))

/* rp_init fills rp_cfg; it is idempotent and cheap after the first call. */
void rp_init(void);

/* Verdicts. */
enum { RP_ALLOW = 0, RP_DENY = 1 };

/* rp_ask_argv judges the program prog run with argv (argv[0] is only its
 * name), for an exec; rp_ask_shell judges a shell command line (system,
 * popen), keeping the connection for the process's next question. Both
 * return RP_ALLOW or RP_DENY after applying monitor and fail-open rules, and
 * print the reason on stderr when they deny. errno is preserved.
 *
 * rp_ask_argv sets *held to the socket its question went on when it went
 * as a datagram, else to -1: the exec that follows closes it (it is
 * SOCK_CLOEXEC), one system call fewer on the way; the caller closes it
 * when there is no exec, or the exec fails. */
int rp_ask_argv(const char *prog, char *const argv[], int *held);
int rp_ask_shell(const char *command);

/* rp_ask_spawn is rp_ask_argv for posix_spawn, which returns to its
 * caller: the connection is kept for the process's next question. */
int rp_ask_spawn(const char *prog, char *const argv[]);

/* rp_busy is the recursion guard: while set, the interposers pass straight
 * through. It is never left set across a real exec, since a vfork child
 * shares the parent's thread-local storage. */
extern _Thread_local int rp_busy __attribute__((tls_model("initial-exec")));

/* Environment repair: rp_env_check scans envp and returns 0 when it already
 * carries every rp_var as it must, else the number of pointer slots the
 * repaired copy needs. rp_env_fix writes the repaired copy into out (with
 * that many slots) and builds a combined LD_PRELOAD entry in buf when the
 * child set its own. */
size_t rp_env_check(char *const envp[]);
char **rp_env_fix(char *const envp[], char **out, size_t slots, char *buf, size_t bufsz);

/* rp_identify names the file an exec would run (prog, searched on $PATH
 * when use_path is set and it has no slash, or fd when fd >= 0): 1 with
 * the system program's path in out when it is the same file as, or has the
 * same content as, a program in /usr/bin, /bin, /usr/sbin or /sbin under
 * another name; -1 when it is anonymous (a memfd, a deleted file) and
 * cannot be judged; 0 otherwise. errno is preserved. See identity.c. */
/* RP_SYSPROG_MAX is room enough for any path rp_identify writes: a system
 * directory and a name of the index (identity.c: fewer than 52 bytes). */
#define RP_SYSPROG_MAX 64
int rp_identify(const char *prog, int fd, int use_path, char *out, size_t outsz);

/* A connection to rampart-eval for one exchange (conn.c). kept: it is the
 * process's kept connection (no shutdown after the question, and it stays
 * open); reused: it was kept from an earlier exchange, so finding it
 * closed before any answer means the server let it go idle, not that it
 * failed. */
struct rp_conn {
	int fd;
	int kept;
	int reused;
};

/* rp_conn_get gives the process's kept connection when it may use it,
 * else a fresh one, which it keeps when keep is set and it can: 0, or -1
 * with *why set. rp_conn_put ends the exchange: a fresh connection that
 * is not kept is closed, and so is a kept one when !ok. */
int rp_conn_get(struct rp_conn *c, int keep, const char **why);
void rp_conn_put(struct rp_conn *c, int ok);

/* rp_conn_take is rp_conn_get without dialling: 1 with the process's kept
 * connection in c when it may use it, else 0. */
int rp_conn_take(struct rp_conn *c);

/* rp_dgram_ask asks the whole request req[0:n] as one datagram on the
 * datagram socket next to RAMPART_SOCKET (its path and ".dgram") and waits
 * at most timeout_ms for the answer, which it copies into reply (its
 * start, when longer). RP_DGRAM_NONE: nothing was asked (no such socket,
 * an older server, a full queue, a request too long); ask on the stream
 * socket. RP_DGRAM_OK: the answer is in reply[0:*len]. RP_DGRAM_FAILED:
 * the question was asked and no answer came. With held set, the socket
 * of an answered question is left open in *held (see rp_ask_argv), else
 * it is closed. */
enum { RP_DGRAM_NONE, RP_DGRAM_OK, RP_DGRAM_FAILED };
void rp_dgram_init(void); /* sets rp_cfg.dgram; rp_init calls it */
int rp_dgram_ask(const char *req, size_t n, int timeout_ms, char *reply, size_t cap, size_t *len, int *held);

/* rp_now_ms is CLOCK_MONOTONIC in milliseconds. */
long rp_now_ms(void);

/* Small async-signal-safe string helpers, the library's own: each C
 * library function called is one more symbol for the dynamic loader to
 * look up in every program started (see sys.h). */
size_t rp_strlen(const char *s);
void rp_memcpy(void *dst, const void *src, size_t n);
int rp_memeq(const void *a, const void *b, size_t n);
/* rp_getenv is getenv(3) over environ, without the C library. */
const char *rp_getenv(const char *name);
int rp_streq(const char *a, const char *b);
const char *rp_basename(const char *s);
void rp_say(const char *a, const char *b, const char *c, const char *d);

#endif
