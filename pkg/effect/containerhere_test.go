package effect

import "testing"

// TestContainerServerHere: a server's administration tool run in a
// container of this machine, naming no server or only loopback, changes
// what that container's server holds; the same with the container tool
// pointed at another daemon, behind ssh or kubectl exec, naming another
// node or host, a production name, or a port forwarded to another
// machine, is what it would otherwise be. Nothing is run.
func TestContainerServerHere(t *testing.T) {
	for line, want := range map[string]bool{
		"docker compose exec kafka kafka-topics --bootstrap-server localhost:9092 --delete --topic orders.v1":                                                              false,
		"docker compose exec -T kafka kafka-topics --list | xargs -r -I{} docker compose exec -T kafka kafka-topics --bootstrap-server localhost:9092 --delete --topic {}": false,
		"docker compose exec rabbitmq rabbitmqctl purge_queue emails.dev":                                                                                                  false,
		"docker compose exec rabbitmq sh -c 'rabbitmqctl stop_app && rabbitmqctl reset && rabbitmqctl start_app'":                                                          false,
		"docker exec -it rabbitmq rabbitmqctl purge_queue emails.dev":                                                                                                      false,
		"podman exec mq rabbitmqctl delete_queue jobs":                                                                                                                     false,
		"docker compose exec rabbitmq rabbitmqctl -n rabbit@localhost delete_queue jobs":                                                                                   false,
		"DOCKER_HOST=ssh://deploy@mq.acme.com docker compose exec rabbitmq rabbitmqctl purge_queue emails":                                                                 true,
		"export DOCKER_HOST=tcp://10.0.0.5:2375; docker exec rabbitmq rabbitmqctl purge_queue emails":                                                                      true,
		"docker -H ssh://mq-1 exec rabbitmq rabbitmqctl purge_queue emails":                                                                                                true,
		"docker --context mq exec rabbitmq rabbitmqctl purge_queue emails":                                                                                                 true,
		"docker context use mq && docker exec rabbitmq rabbitmqctl purge_queue emails":                                                                                     true,
		"docker compose exec rabbitmq rabbitmqctl -n rabbit@mq-1 delete_queue orders":                                                                                      true,
		"docker compose exec rabbitmq rabbitmqctl purge_queue orders-prod":                                                                                                 true,
		"docker compose exec kafka kafka-topics --bootstrap-server kafka-1.acme.internal:9092 --delete --topic orders":                                                     true,
		"kubectl exec deploy/mq -- rabbitmqctl purge_queue orders":                                                                                                         true,
		"ssh mq-1 docker exec rabbitmq rabbitmqctl purge_queue orders":                                                                                                     true,
		"docker compose exec kafka kafka-topics --bootstrap-server localhost:9092 --delete --topic orders && ssh -fN -L 9092:kafka.internal:9092 bastion":                  true,
		"rabbitmqctl purge_queue payments":                                                                                                                                 true,
		"docker compose exec web aws s3 rb s3://acme-data --force":                                                                                                         true,
		"DOCKER_CONFIG=/home/dev/.docker-prod docker exec rabbitmq rabbitmqctl purge_queue orders":                                                                         true,
		"docker --config /home/dev/.docker-prod exec rabbitmq rabbitmqctl purge_queue orders":                                                                              true,
		"podman -r exec rabbitmq rabbitmqctl purge_queue orders":                                                                                                           true,
		"docker exec kafka kafka-topics --zookeeper zk-1.acme.internal:2181 --delete --topic orders":                                                                       true,
	} {
		effs := effectsOf(line)
		got := hasEffect(effs, "destroy:remote") || hasEffect(effs, "destroy:production") || hasEffect(effs, "destroy:shared-change") || hasEffect(effs, "destroy:deploy")
		if got != want {
			t.Errorf("%q: destroys = %v, want %v (%v)", line, got, want, effs)
		}
	}
}
