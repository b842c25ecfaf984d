"""Self-tests for the vendor contract checker: each test feeds a small exchange log and proves the
checker catches (or accepts) a specific thing.  Run inside the contract venv:

    python -m unittest discover -s tests/contracts -p 'test_*.py'
"""
import copy
import json
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import check   # noqa: E402
import vendor  # noqa: E402

EXTRACT = vendor.load()
SAMPLE = [json.loads(line) for line in (HERE / "samples/basic/exchanges-1000.jsonl").read_text().splitlines() if line]


def find(method, path_part, status=None):
    for ex in SAMPLE:
        if ex["method"] == method and path_part in ex["path"] and (status is None or ex["status"] == status):
            return copy.deepcopy(ex)
    raise KeyError(path_part)


class CheckerTest(unittest.TestCase):
    def run_log(self, exchanges, gaps=None):
        with tempfile.TemporaryDirectory() as d:
            log = Path(d) / "exchanges-1.jsonl"
            log.write_text("".join(json.dumps(e) + "\n" for e in exchanges))
            gap_file = Path(d) / "gaps.json"
            gap_file.write_text(json.dumps({"entries": gaps or []}))
            rc, summary, _ = check.run(Path(d), extract=EXTRACT, known_gaps=gap_file)
        return rc, summary

    def assertViolation(self, exchanges, kind, text):
        rc, s = self.run_log(exchanges)
        self.assertEqual(rc, 1, s["violations"])
        hits = [v for v in s["violations"] if v["kind"] == kind and text in f"{v['where']}: {v['message']}"]
        self.assertTrue(hits, f"no {kind} violation mentioning {text!r}: {s['violations']}")
        return hits

    def assertClean(self, exchanges):
        rc, s = self.run_log(exchanges)
        self.assertEqual(rc, 0, s["violations"])
        return s

    # -- Genesys -------------------------------------------------------------------------------
    def test_credential_types_envelope_fails(self):
        ex = find("GET", "/credentials/types")
        ex["response_body"] = {"entities": ex["response_body"], "pageSize": 25, "pageNumber": 1}
        hits = self.assertViolation([ex], "response-schema", "expected a JSON array")
        self.assertIn("list[CredentialType]", hits[0]["message"])
        self.assertIn("integrations_api.py", hits[0]["definition"])

    def test_credential_types_bare_array_passes(self):
        s = self.assertClean([find("GET", "/credentials/types")])
        self.assertEqual(s["answers_validated"], 1)

    def test_reported_state_running_fails(self):
        ex = find("GET", "/api/v2/integrations", 200)
        ex["response_body"]["entities"][0]["reportedState"]["code"] = "RUNNING"
        hits = self.assertViolation([ex], "response-schema", "'RUNNING' is not an allowed value")
        self.assertIn("integration_status_info.py", hits[0]["definition"])

    def test_genesys_unknown_query_parameter_fails(self):
        ex = find("GET", "/api/v2/routing/email/domains", 200)
        ex["query"] = "pageSize=25&sortOrder=asc"
        self.assertViolation([ex], "query-not-declared", "'sortOrder'")

    def test_genesys_error_body_unknown_field_fails(self):
        ex = find("GET", "/routes", 403)
        ex["response_body"]["hint"] = "ask your admin"
        self.assertViolation([ex], "error-schema", "'hint' is not a field of ErrorBody")

    def test_genesys_request_body_enum_checked(self):
        ex = find("PATCH", "/api/v2/integrations/")
        ex["request_body"] = {"intendedState": "OFF"}
        self.assertViolation([ex], "request-schema", "'OFF' is not an allowed value")

    # -- Graph ---------------------------------------------------------------------------------
    def test_graph_application_unknown_field_fails(self):
        ex = find("GET", "/applications(")
        ex["response_body"]["secretHint"] = "abc"
        hits = self.assertViolation([ex], "response-schema", "'secretHint' is not a property of Application")
        self.assertIn("models/application.py", hits[0]["definition"])

    def test_graph_inherited_and_annotation_fields_pass(self):
        # id comes from entity via directoryObject; @odata.context is allowed on the top level
        self.assertClean([find("GET", "/applications(")])

    def test_graph_undeclared_query_parameter_fails(self):
        ex = find("GET", "/applications(")
        ex["query"] += "&%24top=5"
        self.assertViolation([ex], "query-not-declared", "'$top'")

    def test_graph_select_unknown_property_fails(self):
        ex = find("GET", "/mailFolders/inbox/messages", 200)
        ex["query"] = "%24select=id,isRead,spamScore&%24top=10"
        hits = self.assertViolation([ex], "query-property", "'spamScore' is not a property of Message")
        self.assertIn("models/message.py", hits[0]["definition"])

    def test_graph_nextlink_paging_token_allowed(self):
        ex = find("GET", "/mailFolders/inbox/messages", 200)
        ex["query"] = "%24select=id&%24top=1&%24skiptoken=abc"
        self.assertClean([ex])

    def test_graph_error_body_shape(self):
        ex = find("GET", "/v1.0/users/support@contoso.com", 403)
        ex["response_body"] = {"code": "Authorization_RequestDenied", "message": "x"}
        self.assertViolation([ex], "error-schema", "'code' is not a property of ODataError")

    def test_graph_wrong_json_type_in_answer_fails(self):
        ex = find("GET", "/appRoleAssignments")
        ex["response_body"]["value"][0]["principalType"] = 7
        self.assertViolation([ex], "response-schema", "is not a str")

    def test_graph_unknown_operation_fails_for_graphwiz_only(self):
        ex = find("GET", "/no/such/thing")
        self.assertEqual(self.run_log([ex])[0], 0)
        ex["client"] = "graphwiz"
        self.assertViolation([ex], "unknown-operation", "no msgraph-sdk request builder")

    # -- Entra ---------------------------------------------------------------------------------
    def test_discovery_issuer_loopback_fails(self):
        ex = find("GET", "/.well-known/openid-configuration")
        tid = ex["response_body"]["issuer"].split("/")[3]
        ex["response_body"]["issuer"] = f"http://127.0.0.1:41234/{tid}/v2.0"
        self.assertViolation([ex], "response-value", "$.issuer")

    def test_token_request_unknown_grant_fails(self):
        ex = find("POST", "/oauth2/v2.0/token", 200)
        ex["request_body"]["grant_type"] = "password"
        self.assertViolation([ex], "request-parameter", "grant_type 'password'")

    # -- checker behaviour ---------------------------------------------------------------------
    def test_sample_log_passes_with_its_known_gaps(self):
        rc, s, _ = check.run(HERE / "samples/basic", extract=EXTRACT)
        self.assertEqual(rc, 0, s["violations"])
        self.assertGreater(s["operations_covered"]["graph"], 5)

    def test_empty_log_exits_2(self):
        self.assertEqual(self.run_log([])[0], 2)

    def test_stale_known_gap_fails(self):
        gap = {"id": "unused", "service": "graph", "operation": None, "kind": "response-schema",
               "detail": "nothing matches this", "reason": "test", "source": "test"}
        rc, s = self.run_log([find("GET", "/credentials/types")], gaps=[gap])
        self.assertEqual(rc, 1)
        self.assertEqual(s["known_gaps_stale"], ["unused"])


if __name__ == "__main__":
    unittest.main()
