package effect

import "testing"

// TestSpringSecretURL reads a Spring Boot management endpoint that shows
// secrets under any base path and spelling, from another machine only.
func TestSpringSecretURL(t *testing.T) {
	for _, tc := range []struct {
		host, path string
		want       bool
	}{
		{"app.acme.com", "/actuator/env", true},
		{"app.acme.com", "/actuator/env/", true},
		{"app.acme.com", "/actuator;/env", true},
		{"app.acme.com", "//actuator//env", true},
		{"app.acme.com", "/management/env", true},
		{"app.acme.com", "/actuator/env/spring.datasource.password", true},
		{"app.acme.com", "/api/../actuator/configprops", true},
		{"app.acme.com", "/manage/heapdump", true},
		{"app.acme.com", "/jolokia/read/java.lang:type=Runtime", true},
		{"app.acme.com", "/actuator/health", false},
		{"app.acme.com", "/api/env", false},
		{"docs.spring.io", "/spring-boot/api/rest/actuator/env.html", false},
		{"localhost:8080", "/actuator/env", false},
		{"127.0.0.1:8080", "/actuator/heapdump", false},
	} {
		if got := springSecretURL(tc.host, tc.path); got != tc.want {
			t.Errorf("springSecretURL(%q, %q) = %v, want %v", tc.host, tc.path, got, tc.want)
		}
	}
}
