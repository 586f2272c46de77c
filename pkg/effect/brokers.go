package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// Messages published to a production broker. A broker's client that
// publishes (mosquitto_pub, amqp-publish, kafka-console-producer, kcat -P,
// nats pub, rabbitmqadmin publish, redis-cli PUBLISH, pulsar-client
// produce) to a broker whose host names production feeds what production
// runs on: every consumer there acts on the message. That is a change to
// production a person confirms (destroy:production), as a deploy is. The
// same message to a broker on this machine, or to one the line does not
// name (the client's default, localhost), is everyday work, and reading
// from a production broker (kcat -C, mosquitto_sub) is a look. Secrets
// sent through a publisher are the flows' (the entries' sink=network).

// publisher is how a broker's client says it publishes and where to.
type publisher struct {
	always bool   // every run publishes (mosquitto_pub)
	flags  string // options that make it publish (kcat -P)
	verbs  string // its command words that publish (nats pub, redis-cli PUBLISH)
	hosts  string // options whose value names the broker
	values string // other options that take a value (skipped looking for the verb)
}

// messagePublishers are the broker clients, by program name.
var messagePublishers = table.Map[string, publisher]{Words: "mosquitto_pub amqp-publish kafka-console-producer kafka-console-producer.sh kafka-avro-console-producer kcat kafkacat nats rabbitmqadmin redis-cli valkey-cli keydb-cli pulsar-client", Build: func() map[string]publisher {
	kafka := publisher{always: true, hosts: "--bootstrap-server --broker-list", values: "--topic --property --producer-property --producer.config"}
	kcat := publisher{flags: "-P", hosts: "-b", values: "-t -p -k -K -o -c -X -F -s -D -f -G -m -H -z"}
	redis := publisher{verbs: "publish spublish", hosts: "-h -u", values: "-p -a -n -r -i -d --user --pass --tls-cert --cacert --key --cert"}
	return map[string]publisher{
		"mosquitto_pub":               {always: true, hosts: "-h --host -L --url"},
		"amqp-publish":                {always: true, hosts: "-u --url --server"},
		"kafka-console-producer":      kafka,
		"kafka-console-producer.sh":   kafka,
		"kafka-avro-console-producer": kafka,
		"kcat":                        kcat,
		"kafkacat":                    kcat,
		"nats":                        {verbs: "pub publish req request", hosts: "-s --server", values: "--context --creds --nkey --user --password --count --sleep -H --header"},
		"rabbitmqadmin":               {verbs: "publish", hosts: "-H --host -U --base-uri", values: "-P --port -V --vhost -u --username -p --password -c --config -N --node -f --format"},
		"redis-cli":                   redis,
		"valkey-cli":                  redis,
		"keydb-cli":                   redis,
		"pulsar-client":               {verbs: "produce", hosts: "--url", values: "--auth-plugin --auth-params"},
	}
}}

// brokerPublishes adds destroy:production for a broker client that
// publishes to a broker whose host names production.
func (a *analysis) brokerPublishes(i int, c *shell.Command) {
	p, ok := messagePublishers.Lookup(c.Name)
	if !ok {
		return
	}
	publishes, host := p.always, ""
	verbSeen := false
	for k := 0; k < len(c.Args); k++ {
		w := c.Args[k]
		if w == "--" {
			break
		}
		if strings.HasPrefix(w, "-") && len(w) > 1 {
			name, val, eq := strings.Cut(w, "=")
			switch {
			case hasField(p.hosts, name):
				if !eq && k+1 < len(c.Args) {
					k++
					val = c.Args[k]
				}
				if host == "" || namesProduction(val) {
					host = val
				}
			case hasField(p.flags, name):
				publishes = true
			case hasField(p.values, name) && !eq:
				k++
			case !eq && w[1] != '-' && len(w) > 2:
				// a cluster of short options (kcat -Pb HOST, -bHOST)
				k += shortCluster(p, w, c.Args[k+1:], &publishes, &host)
			}
			continue
		}
		if !verbSeen && p.verbs != "" {
			verbSeen = true
			publishes = publishes || hasField(p.verbs, strings.ToLower(w))
		}
	}
	if !publishes || host == "" || !namesProduction(host) || productionCopy(host) {
		return
	}
	a.add(Effect{Kind: Destroy, Cmd: i, Detail: "production", Word: c.Name + " publishes to the production broker " + host})
}

// shortCluster reads a cluster of a publisher's short options (-Pb HOST,
// -Pbkafka.prod:9092) and returns how many of the words after it the
// cluster's last option took as its value.
func shortCluster(p publisher, w string, next []string, publishes *bool, host *string) int {
	for j := 1; j < len(w); j++ {
		o := "-" + w[j:j+1]
		isHost, isValue := hasField(p.hosts, o), hasField(p.values, o)
		if hasField(p.flags, o) {
			*publishes = true
		}
		if !isHost && !isValue {
			continue
		}
		val, took := w[j+1:], 0
		if val == "" && len(next) > 0 {
			val, took = next[0], 1
		}
		if isHost && (*host == "" || namesProduction(val)) {
			*host = val
		}
		return took
	}
	return 0
}

// hasField reports whether the blank-separated list names w.
func hasField(list, w string) bool {
	for f := range strings.FieldsSeq(list) {
		if f == w {
			return true
		}
	}
	return false
}
