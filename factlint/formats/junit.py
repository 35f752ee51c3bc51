"""``junit``: one test suite per file, one failed test case per finding."""
from xml.etree import ElementTree as ET

from factlint.formats import Format


class JunitFormat(Format):
    name = "junit"

    def render(self, findings, context):
        by_path = {}
        for f in findings:
            by_path.setdefault(f.path, []).append(f)
        root = ET.Element("testsuites", name="factlint", tests=str(len(findings)), failures=str(len(findings)))
        if not by_path:
            suite = ET.SubElement(root, "testsuite", name="factlint", tests="1", failures="0", errors="0")
            ET.SubElement(suite, "testcase", name="no findings", classname="factlint")
        for path, items in by_path.items():
            suite = ET.SubElement(root, "testsuite", name=path, tests=str(len(items)),
                                  failures=str(len(items)), errors="0")
            for f in items:
                case = ET.SubElement(suite, "testcase", name=f"{f.code} {f.name} at {f.line}:{f.column}",
                                     classname=path, file=path, line=str(f.line))
                failure = ET.SubElement(case, "failure", message=f.message, type=f.severity)
                failure.text = f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}"
        ET.indent(root)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
