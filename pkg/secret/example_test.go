package secret_test

import (
	"fmt"

	"rampart.dev/pkg/secret"
)

func ExampleRedact() {
	out, found := secret.Redact("git clone https://deploy:s3cr3t-pw@git.example.com/app.git && mysql --password=hunter22")
	fmt.Println(out)
	for _, f := range found {
		fmt.Println(f.Kind, f.Start, f.End)
	}
	// Output:
	// git clone https://deploy:[REDACTED]@git.example.com/app.git && mysql --password=[REDACTED]
	// url_password 25 34
	// password 79 87
}

func ExampleRedactValue() {
	params := map[string]any{
		"command": "deploy.sh",
		"env":     map[string]any{"DB_PASSWORD": "correct horse", "HOME": "/home/u"},
	}
	out, found := secret.RedactValue(params)
	fmt.Println(out)
	fmt.Println(found[0].Kind, found[0].Path)
	// Output:
	// map[command:deploy.sh env:map[DB_PASSWORD:[REDACTED] HOME:/home/u]]
	// password /env/DB_PASSWORD
}
