package containerspec

import (
	"slices"
	"testing"
)

func TestInCode(t *testing.T) {
	cases := []struct{ code, want string }{
		{`import docker; docker.from_env().containers.run('alpine', 'rm -rf /host/home/dev', volumes={'/': {'bind': '/host', 'mode': 'rw'}})`,
			"docker run -v /:/host:rw alpine rm -rf /host/home/dev"},
		{`docker.from_env().containers.create('alpine', 'sh', privileged=True, volumes=['/:/host'])`,
			"docker run --privileged -v /:/host alpine sh"},
		{`c = docker.APIClient(); c.create_container('alpine', host_config=c.create_host_config(binds=['/:/host'], privileged=True))`,
			"docker run --privileged -v /:/host alpine"},
		{`docker.from_env().containers.run(image='alpine', command=['sleep', '1d'], pid_mode='host', cap_add=['SYS_ADMIN'])`,
			"docker run --pid=host --cap-add SYS_ADMIN alpine sleep 1d"},
		{`docker.from_env().containers.run('alpine', 'sh', mounts=[docker.types.Mount('/host', '/', type='bind')])`,
			"docker run -v /:/host alpine sh"},
		{`new (require('dockerode'))().createContainer({Image: 'alpine', Cmd: ['cat', '/h/etc/shadow'], HostConfig: {Binds: ['/:/h:ro']}})`,
			"docker run -v /:/h:ro alpine cat /h/etc/shadow"},
		{`const D = require('dockerode'); new D().run('alpine', ['rm', '-rf', '/host/home/dev'], process.stdout, {HostConfig: {Binds: ['/:/host']}})`,
			"docker run -v /:/host alpine rm -rf /host/home/dev"},
		{`fetch('http://127.0.0.1:2375/containers/create', {method: 'POST', body: JSON.stringify({Image: 'alpine', HostConfig: {Privileged: true, Mounts: [{Type: 'bind', Source: '/home/dev', Target: '/h'}]}})})`,
			"docker run --privileged -v /home/dev:/h alpine"},
		{`Net::HTTP.post(URI("http://127.0.0.1:2375/containers/create"), {Image: "alpine", HostConfig: {PidMode: "host"}}.to_json, "Content-Type" => "application/json")`,
			"docker run --pid=host alpine"},
		{`requests.post('http://localhost:2375/containers/create', json={'Image': 'alpine', 'Entrypoint': ['rm'], 'Cmd': ['-rf', '/h'], 'HostConfig': {'Binds': ['/:/h']}})`,
			"docker run -v /:/h --entrypoint rm alpine -rf /h"},
	}
	for _, c := range cases {
		got := InCode(c.code)
		if !slices.Contains(got, c.want) {
			t.Errorf("InCode(%q) = %q, want %q among them", c.code, got, c.want)
		}
	}
	for _, code := range []string{`print('containers.run is the call')`, `import os; os.listdir('.')`} {
		for _, l := range InCode(code) {
			if l != "docker run image" {
				t.Errorf("InCode(%q) = %q, want nothing that acts", code, l)
			}
		}
	}
}

func TestFromAPIAndHTTPie(t *testing.T) {
	if got := FromAPI(`{"Image":"alpine","HostConfig":{"Binds":["/:/host"],"Privileged":true,"NetworkMode":"host"}}`).RunLine(); got != "docker run --privileged -v /:/host --net=host alpine" {
		t.Errorf("FromAPI = %q", got)
	}
	got, ok := HTTPieLine([]string{"http", "POST", ":2375/containers/create", "Image=alpine", `Cmd:=["rm","-rf","/h/home/dev"]`, `HostConfig:={"Binds":["/:/h"]}`})
	if !ok || got != "docker run -v /:/h alpine rm -rf /h/home/dev" {
		t.Errorf("HTTPieLine = %q, %v", got, ok)
	}
	if _, ok := HTTPieLine([]string{"http", "POST", ":8080/api/items", "name=x"}); ok {
		t.Errorf("HTTPieLine read a request to no engine")
	}
}
