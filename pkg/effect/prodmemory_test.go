package effect

import "testing"

// TestProductionMemory: a heap dump taken in production, and one copied
// out of a production pod or container, are production's; the same in a
// local cluster or staging, a thread dump, and a log copied out are not.
func TestProductionMemory(t *testing.T) {
	for line, want := range map[string]bool{
		"kubectl exec -n production deploy/orders -- jcmd 1 GC.heap_dump /tmp/heap.hprof":      true,
		"kubectl --context prod exec orders-0 -- jmap -dump:live,format=b,file=/tmp/h.hprof 1": true,
		"docker -H ssh://deploy@prod-web-1.acme.net exec api jcmd 1 GC.heap_dump /tmp/h.hprof": true,
		"kubectl cp production/orders-7d9f6c5b4-x2kqp:/tmp/heap.hprof ./heap.hprof":            true,
		"kubectl cp -n production orders-0:/tmp/heap.hprof build/heap.hprof":                   true,
		"kubectl exec -n production deploy/orders -- jcmd 1 Thread.print":                      false,
		"kubectl --context kind-dev exec api-0 -- jcmd 1 GC.heap_dump /tmp/heap.hprof":         false,
		"kubectl cp staging/api-7d9f8c-abcde:/tmp/heap.hprof ./heap.hprof":                     false,
		"kubectl cp production/orders-0:/var/log/app/app.log ./app.log":                        false,
		"jcmd $(pgrep -f build/libs/app.jar) GC.heap_dump build/heap.hprof":                    false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:production"); got != want {
			t.Errorf("%q: destroy:production = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}
