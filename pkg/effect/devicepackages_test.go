package effect

import "testing"

// TestDevicePackages checks that another publisher's app taken away on a
// device is destroy:system however the package manager is reached, and
// that the developer's own app is not.
func TestDevicePackages(t *testing.T) {
	for line, want := range map[string]bool{
		`adb uninstall com.whatsapp`:                                true,
		`adb -s R58M123ABC uninstall com.samsung.android.bixby`:     true,
		`adb shell pm uninstall com.whatsapp`:                       true,
		`adb shell "pm clear com.android.providers.contacts"`:       true,
		`adb shell cmd package uninstall -k com.google.android.gms`: true,
		`adb uninstall com.acme.shop.debug`:                         false,
		`adb -s emulator-5554 uninstall com.acme.shop`:              false,
		`adb shell pm clear com.example.app`:                        false,
		`adb shell pm list packages com.android.`:                   false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:system"); got != want {
			t.Errorf("%q: destroy:system = %v, want %v", line, got, want)
		}
	}
}
