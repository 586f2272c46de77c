package effect

import "testing"

func TestVerbClass(t *testing.T) {
	for w, want := range map[string]string{
		"search-replace":              "change",
		"migrate:status":              "read",
		"doctrine:migrations:migrate": "change",
		"doctrine:migrations:list":    "read",
		"updatedb":                    "change",
		"createsuperuser":             "change",
		"showmigrations":              "", // show is four letters: not read joined
		"deactivate":                  "change",
		"queue:restart":               "change",
		"config:get":                  "read",
		"settings":                    "",
		"address":                     "",
		"run":                         "",
		"build":                       "",
		"core:requirements":           "",
		"data:export":                 "read",
	} {
		if got := verbClass(w); got != want {
			t.Errorf("verbClass(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestUnlistedProductionChange: a command the catalogue does not list,
// of a program it does not know or a framework's task runner, or one a
// program's entry lists as changing, is a production change when its
// verb changes and a word names production; its reads, dry runs, and
// the same verbs elsewhere are not.
func TestUnlistedProductionChange(t *testing.T) {
	for line, want := range map[string]bool{
		"wp @production search-replace http://a https://a": true,
		// a job handed to production's scheduler, its traffic taken over
		"argo submit -n workflows --from cronwf/prod-backfill":                               true,
		"ray job submit --address https://ray.prod.internal:8265 -- python jobs/backfill.py": true,
		"telepresence intercept api --port 8080:http -n prod":                                true,
		"argo submit workflows/backfill.yaml -n dev --watch":                                 false,
		"wp @production plugin deactivate woocommerce":                                       true,
		"drush @prod updatedb -y":                                                            true,
		"drush @prod cim -y":                                                                 true,
		"bin/console doctrine:migrations:migrate --env=prod":                                 true,
		"php artisan queue:restart --env=production":                                         true,
		"python manage.py createsuperuser --settings=a.settings.prod":                        true,
		"mysqladmin -h prod-db shutdown":                                                     true,
		"mysqladmin -h prod-db -u root -p flush-privileges":                                  true,
		"rabbitmqctl -n rabbit@prod-mq set_policy ha-all x y":                                true,
		"nodetool -h cassandra-prod-1 drain":                                                 true,
		"wp @production plugin list":                                                         false,
		"wp @production search-replace a b --dry-run":                                        false,
		"wp @local plugin deactivate woocommerce":                                            false,
		"drush @prod status":                                                                 false,
		"drush @dev updatedb -y":                                                             false,
		"bin/console doctrine:migrations:status --env=prod":                                  false,
		"php artisan migrate:status --env=production":                                        false,
		"php artisan queue:restart":                                                          false,
		"python manage.py showmigrations --settings=a.settings.prod":                         false,
		"mysqladmin -h prod-db status":                                                       false,
		"mysqladmin shutdown":                                                                false,
		"rabbitmqctl -n rabbit@prod-mq list_queues":                                          false,
		"nodetool -h cassandra-prod-1 status":                                                false,
		"dbt run --select prod_orders":                                                       false,
		"sops updatekeys -y deploy/secrets.prod.yaml":                                        false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:production"); got != want {
			t.Errorf("%q: destroy:production = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}
