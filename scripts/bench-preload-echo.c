/* bench-preload-echo: the floor bench-preload-ask is held against. It
 * listens where rampart-eval --listen would (SOCK.dgram, answering from
 * SOCK.dgram.reply) and answers every question with an allow at once:
 * nothing decided, nothing audited. What is left is the machine's own cost
 * of one datagram round trip between two processes that were idle, which
 * no server can go below. Used by bench-preload.sh; not installed.
 *
 *	bench-preload-echo SOCK */
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: bench-preload-echo SOCK\n");
		return 2;
	}
	struct sockaddr_un in = {.sun_family = AF_UNIX}, out = {.sun_family = AF_UNIX};
	if (snprintf(in.sun_path, sizeof in.sun_path, "%s.dgram", argv[1]) >= (int)sizeof in.sun_path ||
	    snprintf(out.sun_path, sizeof out.sun_path, "%s.dgram.reply", argv[1]) >= (int)sizeof out.sun_path)
		return 2;
	int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	int rfd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || rfd < 0 || bind(fd, (struct sockaddr *)&in, sizeof in) != 0 ||
	    bind(rfd, (struct sockaddr *)&out, sizeof out) != 0) {
		perror("bench-preload-echo");
		return 1;
	}
	static const char allow[] = "{\"decision\":\"allow\",\"eval_ns\":0}\n";
	for (;;) {
		char buf[8192];
		struct sockaddr_un from;
		socklen_t fl = sizeof from;
		if (recvfrom(fd, buf, sizeof buf, 0, (struct sockaddr *)&from, &fl) < 0 || fl <= sizeof from.sun_family)
			continue;
		sendto(rfd, allow, sizeof allow - 1, MSG_DONTWAIT | MSG_NOSIGNAL, (struct sockaddr *)&from, fl);
	}
}
