module rampart.dev/pkg

go 1.24
