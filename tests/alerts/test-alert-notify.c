/* test-alert-notify.c — notifications sent for real over the session bus
 *
 * A small org.freedesktop.Notifications service on the test's own session
 * bus (dbus-run-session) records what reaches it; a GApplication sends the
 * policy's notices through GNotification, which (with no portal and no
 * org.gtk.Notifications) GIO delivers through that very interface. Clicks
 * come back as ActionInvoked signals and must activate the app's actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-alert-policy.h"
#include "clip-test-alerts.h"
#include "clip-test-util.h"

#define APP_ID "io.github.clippings.Clippings"
#define FDO_NAME "org.freedesktop.Notifications"
#define FDO_PATH "/org/freedesktop/Notifications"

static const char fdo_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' name='app_name' direction='in'/>"
  "      <arg type='u' name='replaces_id' direction='in'/>"
  "      <arg type='s' name='app_icon' direction='in'/>"
  "      <arg type='s' name='summary' direction='in'/>"
  "      <arg type='s' name='body' direction='in'/>"
  "      <arg type='as' name='actions' direction='in'/>"
  "      <arg type='a{sv}' name='hints' direction='in'/>"
  "      <arg type='i' name='expire_timeout' direction='in'/>"
  "      <arg type='u' name='id' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'><arg type='u' name='id' direction='in'/></method>"
  "    <method name='GetCapabilities'><arg type='as' name='caps' direction='out'/></method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' name='name' direction='out'/><arg type='s' name='vendor' direction='out'/>"
  "      <arg type='s' name='version' direction='out'/><arg type='s' name='spec' direction='out'/>"
  "    </method>"
  "    <signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
  "    <signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  "  </interface>"
  "</node>";

typedef struct {
  guint32   id;
  guint32   replaces_id;
  char     *summary;
  char     *body;
  GStrv     actions;
  char     *desktop_entry;
  guint8    urgency;
} Received;

typedef struct {
  GDBusConnection *server;     /* the notification service's own connection */
  guint            registration;
  guint            owner;
  gboolean         owned;
  gboolean         lost;
  guint32          next_id;
  gboolean         body_markup;  /* lists "body-markup" in its capabilities */
  GPtrArray       *received;   /* Received* */
  guint            closed;

  GApplication    *app;
  GPtrArray       *activated;  /* "action target" strings */

  char            *dir;
  ClipStore       *store;
  ClipAlertPolicy *policy;
  gint64           now;
} Fixture;

static void
received_free (Received *r)
{
  g_free (r->summary);
  g_free (r->body);
  g_strfreev (r->actions);
  g_free (r->desktop_entry);
  g_free (r);
}

static void
on_method_call (GDBusConnection       *connection,
                const char            *sender,
                const char            *path,
                const char            *interface,
                const char            *method,
                GVariant              *params,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  Fixture *f = user_data;

  if (g_str_equal (method, "Notify"))
    {
      Received *r = g_new0 (Received, 1);
      g_autoptr(GVariant) hints = NULL;
      const char *app_name, *icon;
      gint32 timeout;

      g_variant_get (params, "(&su&sss^as@a{sv}i)", &app_name, &r->replaces_id, &icon,
                     &r->summary, &r->body, &r->actions, &hints, &timeout);
      g_variant_lookup (hints, "desktop-entry", "s", &r->desktop_entry);
      g_variant_lookup (hints, "urgency", "y", &r->urgency);
      r->id = r->replaces_id ? r->replaces_id : ++f->next_id;
      g_ptr_array_add (f->received, r);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", r->id));
    }
  else if (g_str_equal (method, "CloseNotification"))
    {
      f->closed++;
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method, "GetCapabilities"))
    {
      const char *caps[] = { "actions", "body", "persistence", NULL };
      const char *markup_caps[] = { "actions", "body", "body-markup", "persistence", NULL };

      g_dbus_method_invocation_return_value (invocation,
                                             g_variant_new ("(^as)", f->body_markup ? markup_caps : caps));
    }
  else if (g_str_equal (method, "GetServerInformation"))
    g_dbus_method_invocation_return_value (invocation,
                                           g_variant_new ("(ssss)", "clippings-test", "Clippings",
                                                          "1.0", "1.2"));
  else
    g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                           "No method %s", method);
}

static void
on_name_acquired (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  ((Fixture *) user_data)->owned = TRUE;
}

static void
on_name_lost (GDBusConnection *connection,
              const char      *name,
              gpointer         user_data)
{
  ((Fixture *) user_data)->lost = TRUE;
}

static gboolean
wait_for (Fixture  *f,
          gboolean *flag)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!*flag && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
  return *flag;
}

static void
wait_for_count (GPtrArray *array,
                guint      n)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (array->len < n && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
  g_assert_cmpuint (array->len, ==, n);
}

static gboolean
start_server (Fixture *f)
{
  static const GDBusInterfaceVTable vtable = { on_method_call };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (fdo_xml, NULL);
  g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GError) error = NULL;

  f->server = g_dbus_connection_new_for_address_sync (address,
                                                      G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                      G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                      NULL, NULL, &error);
  g_assert_no_error (error);
  f->registration = g_dbus_connection_register_object (f->server, FDO_PATH, info->interfaces[0],
                                                       &vtable, f, NULL, &error);
  g_assert_no_error (error);
  f->owner = g_bus_own_name_on_connection (f->server, FDO_NAME, G_BUS_NAME_OWNER_FLAGS_REPLACE,
                                           on_name_acquired, on_name_lost, f, NULL);
  return wait_for (f, &f->owned);
}

static void
on_action (GSimpleAction *action,
           GVariant      *target,
           gpointer       user_data)
{
  Fixture *f = user_data;

  g_ptr_array_add (f->activated,
                   target ? g_strdup_printf ("%s %" G_GINT64_FORMAT, g_action_get_name (G_ACTION (action)),
                                             g_variant_get_int64 (target))
                          : g_strdup (g_action_get_name (G_ACTION (action))));
}

static gint64
fake_clock (gpointer user_data)
{
  return ((Fixture *) user_data)->now;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  static const GActionEntry actions[] = {
    { "show-rule", on_action, "x" },
    { "show-alerts", on_action },
    { "open-article", on_action, "x" },
  };
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GError) error = NULL;

  f->body_markup = GPOINTER_TO_INT (data);
  f->received = g_ptr_array_new_with_free_func ((GDestroyNotify) received_free);
  f->activated = g_ptr_array_new_with_free_func (g_free);
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("No session bus: run under dbus-run-session");
      return;
    }
  if (!start_server (f))
    {
      g_test_skip ("Another program holds " FDO_NAME " on this bus and will not give it up");
      return;
    }

  /* Non-unique: the real app (a UI test) may hold the name on this bus. */
  f->app = g_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  g_action_map_add_action_entries (G_ACTION_MAP (f->app), actions, G_N_ELEMENTS (actions), f);
  g_application_register (f->app, NULL, &error);
  g_assert_no_error (error);

  f->dir = clip_test_tmpdir ();
  f->store = clip_test_alerts_open (f->dir);
  f->policy = clip_alert_policy_new (f->store);
  f->now = CLIP_TEST_T0;
  clip_alert_policy_set_clock (f->policy, fake_clock, f);
  clip_alert_policy_set_timezone (f->policy, utc);
  clip_alert_policy_set_delivery (f->policy, clip_alert_deliver_to_application, f->app, NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->policy);
  g_clear_object (&f->store);
  g_clear_object (&f->app);
  if (f->owner)
    g_bus_unown_name (f->owner);
  if (f->registration)
    g_dbus_connection_unregister_object (f->server, f->registration);
  if (f->server)
    g_dbus_connection_close_sync (f->server, NULL, NULL);
  g_clear_object (&f->server);
  g_ptr_array_unref (f->received);
  g_ptr_array_unref (f->activated);
  g_free (f->dir);
}

static Received *
received (Fixture *f,
          guint    i)
{
  g_assert_cmpuint (i, <, f->received->len);
  return f->received->pdata[i];
}

/* Runs the policy at t; returns how many notices it sent. */
static gint
run_at (Fixture *f,
        gint64   t)
{
  g_autoptr(GError) error = NULL;
  gint sent;

  f->now = t;
  sent = clip_alert_policy_run (f->policy, &error);
  g_assert_no_error (error);
  return sent;
}

/* Clicks a notification as the desktop does: an ActionInvoked signal. */
static void
invoke (Fixture    *f,
        guint32     id,
        const char *key)
{
  g_autoptr(GError) error = NULL;

  g_dbus_connection_emit_signal (f->server, NULL, FDO_PATH, FDO_NAME, "ActionInvoked",
                                 g_variant_new ("(us)", id, key), &error);
  g_assert_no_error (error);
}

/* The key of the button labelled label, or NULL. */
static const char *
button_key (Received   *r,
            const char *label)
{
  for (guint i = 0; r->actions[i] != NULL && r->actions[i + 1] != NULL; i += 2)
    if (g_str_equal (r->actions[i + 1], label))
      return r->actions[i];
  return NULL;
}

static void
test_instant (Fixture       *f,
              gconstpointer  data)
{
  gint64 outlet, rule, newest;
  const char *open;
  g_autofree char *action = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GVariant) target = NULL;
  Received *r;

  if (f->app == NULL)
    return;
  outlet = clip_test_alerts_outlet (f->store);
  rule = clip_test_alerts_rule (f->store, "Russian interference", "instant", "critical");
  clip_test_alerts_new_match (f->store, outlet, rule, "Kremlin denies meddling", CLIP_TEST_T0);
  clip_test_alerts_new_match (f->store, outlet, rule, "Tbilisi protests", CLIP_TEST_T0 + 1);
  newest = clip_test_alerts_new_match (f->store, outlet, rule, "Hybrid war & \"influence\"",
                                       CLIP_TEST_T0 + 2);
  run_at (f, CLIP_TEST_T0 + 60);

  wait_for_count (f->received, 1);
  r = received (f, 0);
  g_assert_cmpstr (r->summary, ==, "3 new articles match Russian interference");
  g_assert_cmpstr (r->body, ==, "Hybrid war & \"influence\"");
  g_assert_cmpstr (r->desktop_entry, ==, APP_ID);
  g_assert_cmpuint (r->urgency, ==, 2);   /* critical */
  g_assert_cmpuint (r->replaces_id, ==, 0);
  g_assert_nonnull (r->actions[0]);
  g_assert_cmpstr (r->actions[0], ==, "default");
  open = button_key (r, "Open");
  g_assert_nonnull (open);
  g_assert_true (g_action_parse_detailed_name (open, &action, &target, NULL));
  g_assert_cmpstr (action, ==, "app.open-article");
  g_assert_cmpint (g_variant_get_int64 (target), ==, newest);

  /* Nothing twice: the run hands no notice on (it says how many it sent),
   * and the rule's next notice, below, is the second to reach the server:
   * one connection's messages arrive in order, so none was on its way. */
  g_assert_cmpint (run_at (f, CLIP_TEST_T0 + 120), ==, 0);
  g_assert_cmpuint (f->received->len, ==, 1);

  /* The rule's next notice replaces the one still on screen. */
  newest = clip_test_alerts_new_match (f->store, outlet, rule, "Duma vote", CLIP_TEST_T0 + 200);
  run_at (f, CLIP_TEST_T0 + 240);
  wait_for_count (f->received, 2);
  r = received (f, 1);
  g_assert_cmpstr (r->summary, ==, "1 new article matches Russian interference");
  g_assert_cmpstr (r->body, ==, "Duma vote");
  g_assert_cmpuint (r->replaces_id, ==, received (f, 0)->id);

  /* "Open" opens the newest article (and, as any click, closes it). */
  invoke (f, r->id, button_key (r, "Open"));
  wait_for_count (f->activated, 1);
  expected = g_strdup_printf ("open-article %" G_GINT64_FORMAT, newest);
  g_assert_cmpstr (f->activated->pdata[0], ==, expected);

  /* Clicking the notice itself shows the rule's matches. */
  clip_test_alerts_new_match (f->store, outlet, rule, "Kremlin reacts", CLIP_TEST_T0 + 300);
  run_at (f, CLIP_TEST_T0 + 360);
  wait_for_count (f->received, 3);
  r = received (f, 2);
  g_assert_cmpuint (r->replaces_id, ==, 0);
  invoke (f, r->id, "default");
  wait_for_count (f->activated, 2);
  g_free (expected);
  expected = g_strdup_printf ("show-rule %" G_GINT64_FORMAT, rule);
  g_assert_cmpstr (f->activated->pdata[1], ==, expected);
}

static void
test_digest (Fixture       *f,
             gconstpointer  data)
{
  gint64 outlet, elections, ports;
  Received *r;

  if (f->app == NULL)
    return;
  outlet = clip_test_alerts_outlet (f->store);
  elections = clip_test_alerts_rule (f->store, "Elections", "hourly", NULL);
  ports = clip_test_alerts_rule (f->store, "Ports", "hourly", NULL);
  run_at (f, CLIP_TEST_T0);
  clip_test_alerts_new_match (f->store, outlet, elections, "Polls open", CLIP_TEST_T0 + 60);
  clip_test_alerts_new_match (f->store, outlet, ports, "Poti", CLIP_TEST_T0 + 120);
  clip_test_alerts_new_match (f->store, outlet, ports, "Batumi", CLIP_TEST_T0 + 180);
  run_at (f, CLIP_TEST_T0 + 3600);

  wait_for_count (f->received, 1);
  r = received (f, 0);
  g_assert_cmpstr (r->summary, ==, "Hourly digest: 3 new articles");
  g_assert_cmpstr (r->body, ==, "Ports: 2\nElections: 1");
  g_assert_cmpuint (r->urgency, ==, 1);
  /* Several rules: a click shows the Alerts view. */
  invoke (f, r->id, "default");
  wait_for_count (f->activated, 1);
  g_assert_cmpstr (f->activated->pdata[0], ==, "show-alerts");
}

/* A server that reads bodies as markup gets feed text escaped, so it shows
 * what the feed said; the summary is never markup (the spec) and stays. */
static void
test_markup (Fixture       *f,
             gconstpointer  data)
{
  gint64 outlet, rule;
  Received *r;

  if (f->app == NULL)
    return;
  outlet = clip_test_alerts_outlet (f->store);
  rule = clip_test_alerts_rule (f->store, "Ports <i>& harbours</i>", "instant", NULL);
  clip_test_alerts_new_match (f->store, outlet, rule,
                              "<b>Poti</b> & Batumi: <a href=\"https://evil.example/\">read</a>",
                              CLIP_TEST_T0);
  run_at (f, CLIP_TEST_T0 + 60);

  wait_for_count (f->received, 1);
  r = received (f, 0);
  g_assert_cmpstr (r->summary, ==, "1 new article matches Ports <i>& harbours</i>");
  g_assert_cmpstr (r->body, ==,
                   "&lt;b&gt;Poti&lt;/b&gt; &amp; Batumi: "
                   "&lt;a href=&quot;https://evil.example/&quot;&gt;read&lt;/a&gt;");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* GIO would pick the portal inside a sandbox: this test is about the
   * desktop's own notification service. */
  g_setenv ("GTK_USE_PORTAL", "0", TRUE);

  g_test_add ("/alert-notify/instant", Fixture, NULL, fixture_setup, test_instant, fixture_teardown);
  g_test_add ("/alert-notify/digest", Fixture, NULL, fixture_setup, test_digest, fixture_teardown);
  g_test_add ("/alert-notify/markup", Fixture, GINT_TO_POINTER (TRUE), fixture_setup, test_markup,
              fixture_teardown);

  return g_test_run ();
}
