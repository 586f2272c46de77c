package effect

import "testing"

// TestBrokerPublishes checks that a broker's client publishing to a
// broker whose host names production changes production, whatever the
// client and however its host is given, while publishing to this
// machine's broker, to the client's default, or reading from production
// does not.
func TestBrokerPublishes(t *testing.T) {
	for cmd, want := range map[string]bool{
		"mosquitto_pub -h mqtt.prod.acme.io -t orders/new -m hi":                            true,
		"mosquitto_pub -L mqtt://mqtt.prod.acme.io:1883/fleet/ota -m go":                    true,
		"kcat -P -b kafka.prod.acme.io:9092 -t orders fixtures/orders.json":                 true,
		"kafkacat -b kafka-prod-1.acme.internal:9092 -t payments -P -l replay.jsonl":        true,
		"kafka-console-producer --bootstrap-server=kafka.prod.acme.io:9092 --topic orders":  true,
		"kafka-console-producer.sh --broker-list kafka-prod.acme.internal:9092 --topic p":   true,
		"redis-cli -h redis-prod.acme.internal -p 6380 --tls PUBLISH config:reload now":     true,
		"redis-cli -u redis://cache.prod.acme.io:6379 publish invalidations all":            true,
		"nats --server nats.prod.acme.io pub deploy.trigger go":                             true,
		"rabbitmqadmin -H rabbit.prod.acme.io publish routing_key=orders payload=x":         true,
		"amqp-publish -u amqp://mq.prod.acme.io -r orders -b x":                             true,
		"KAFKA=kafka.prod.acme.io:9092; kcat -P -b \"$KAFKA\" -t orders replay.json":        true,
		"kcat -Pb kafka.prod.acme.io:9092 -t orders x.json":                                 true,
		"kcat -P -bkafka.prod.acme.io:9092 -t orders x.json":                                true,
		"kcat -Cb kafka.prod.acme.io:9092 -t orders":                                        false,
		"mosquitto_pub -h localhost -t prod/alerts -m hi":                                   false,
		"mosquitto_pub -t sensors/temp -m 21.5":                                             false,
		"kcat -C -b kafka.prod.acme.io:9092 -t orders -c 5 -e":                              false,
		"kcat -P -b localhost:9092 -t orders fixtures/orders.json":                          false,
		"redis-cli PUBLISH orders hi":                                                       false,
		"redis-cli -h redis.prod.acme.io PUBSUB CHANNELS":                                   false,
		"redis-cli -h redis.prod.acme.io GET publish":                                       false,
		"nats sub -s nats.prod.acme.io 'orders.>' --count 5":                                false,
		"rabbitmqadmin -H rabbit.prod.acme.io list queues":                                  false,
		"kafka-console-consumer --bootstrap-server kafka.prod.acme.io:9092 --topic orders":  false,
		"kafka-console-producer --bootstrap-server kafka.staging.acme.io:9092 --topic test": false,
	} {
		got := false
		for _, ef := range effectsOf(cmd) {
			got = got || ef.Kind == Destroy && ef.Detail == "production"
		}
		if got != want {
			t.Errorf("%s: production change %v, want %v: %v", cmd, got, want, effectsOf(cmd))
		}
	}
}
