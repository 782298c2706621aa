"""Made-up articles for the story tests (written for them, not taken from any collection): two events covered
by two outlets each, a wire copy, the same people in unrelated events, undated pieces, and unrelated fillers."""

FLOOD_GAZETTE = ("Flooding forces evacuation of Tewkesbury care home", "Harbour Gazette", "2026-03-03", [
    "Forty residents of the Abbey View care home in Tewkesbury were evacuated on Tuesday after the River Severn "
    "burst its banks and floodwater reached the ground floor.",
    "Gloucestershire Fire and Rescue Service said crews used boats to move the residents, most of them in their "
    "eighties, to a leisure centre on higher ground.",
    "\"The water came up faster than anyone expected, but every resident is safe and warm,\" said Helen Pryce, "
    "the home's manager.",
    "Mark Hawthorne, leader of Tewkesbury Borough Council, said the authority would help the home find "
    "temporary places while the building dried out.",
    "The Environment Agency has issued severe flood warnings for the Severn and the Avon, and more rain is "
    "forecast for Thursday.",
])
FLOOD_COURIER = ("Care home residents rescued by boat as Severn floods Tewkesbury", "Western Courier", "2026-03-04", [
    "Firefighters took elderly residents of a Tewkesbury care home to safety by boat after the River Severn "
    "flooded the town on Tuesday.",
    "The 40 residents of Abbey View were moved to a leisure centre, Gloucestershire Fire and Rescue Service said, "
    "as floodwater filled the ground floor of the home.",
    "Helen Pryce, the manager, praised the crews. \"Every resident is safe, and that is all that matters to us "
    "tonight,\" she said.",
    "Tewkesbury Borough Council's leader, Mark Hawthorne, promised temporary places for the residents.",
    "Severe flood warnings remain in force on the Severn and the Avon, the Environment Agency said.",
])
BROADBAND_LEDGER = ("Senator Whitfield unveils rural broadband plan in Des Moines", "Daily Ledger", "2026-05-11", [
    "Senator Dana Whitfield unveiled a $2 billion plan on Monday to bring high-speed internet to rural Iowa, "
    "speaking to farmers at the state fairgrounds in Des Moines.",
    "The plan would pay cooperatives to lay fiber to 90,000 farms and small towns by 2030, Whitfield said.",
    "\"A farm without broadband is a farm cut off from its own market,\" Whitfield told the crowd.",
    "Governor Ray Dubois said the state would match part of the federal money for fiber cooperatives.",
    "Critics in the Iowa Legislature said the broadband plan did not say how the fiber would be maintained.",
])
BROADBAND_STAR = ("Whitfield's fiber plan promises broadband for 90,000 Iowa farms", "Iowa Star", "2026-05-12", [
    "DES MOINES - Sen. Dana Whitfield on Monday proposed spending $2 billion to connect 90,000 rural farms and "
    "small towns in Iowa to high-speed broadband by 2030.",
    "Speaking at the state fairgrounds, Whitfield said fiber cooperatives would lay the lines with federal grants.",
    "\"A farm without broadband is a farm cut off from its own market,\" she said.",
    "Gov. Ray Dubois pledged state money to match the federal grants for the fiber cooperatives.",
    "Some members of the Iowa Legislature questioned who would pay to maintain the fiber network.",
])
TARIFF_LATER = ("Whitfield votes against farm tariff bill", "Daily Ledger", "2026-11-03", [
    "Senator Dana Whitfield voted on Tuesday against a bill raising tariffs on imported fertilizer, saying it "
    "would raise costs for Iowa farmers.",
    "Governor Ray Dubois backed the senator and called the tariff a tax on every harvest.",
    "\"Our growers cannot carry another cost this year,\" Whitfield said after the vote in Washington.",
    "The bill passed the Senate by 52 votes to 47 and now goes to the House.",
])
HOSPITAL_SAME_WEEK = ("Whitfield opens children's hospital wing in Cedar Rapids", "Iowa Star", "2026-05-13", [
    "Senator Dana Whitfield cut the ribbon on Wednesday on a new children's wing at Mercy Hospital in "
    "Cedar Rapids, paid for by a federal health grant she secured last year.",
    "The wing has 24 beds and a pediatric intensive care unit, the hospital's director, Anne Kowalski, said.",
    "\"Families here will no longer drive three hours for a sick child,\" Kowalski said.",
    "Governor Ray Dubois, who attended the opening, said the state would fund nurses for the new wing.",
])
WIRE = ("Strike halts trains across the north", "Northern Wire", "2026-06-02", [
    "Rail services across the north of England were halted on Tuesday as drivers walked out in a dispute over "
    "pay and rosters.",
    "The union said 3,000 drivers had joined the 24-hour strike, the third this spring, after talks with the "
    "operators broke down on Friday.",
    "\"Our members have been offered less than inflation for the third year running,\" said Gareth Lloyd, the "
    "union's general secretary.",
    "Northern Trains said no services would run between Leeds, Manchester and Newcastle until Wednesday morning, "
    "and advised passengers to work from home.",
    "Ministers urged both sides to return to talks and said the strike would cost the regional economy millions.",
])
WIRE_COPY = ("Rail strike: no trains in the north until Wednesday", "Evening Post", "2026-06-02", [
    *WIRE[3],  # the wire text word for word, with a line of the paper's own
    "Passengers at Leeds station told the Evening Post they had been given little warning.",
])
UNDATED_MARKET = ("Farmers' market returns to the square", "Town Crier", None, [
    "The Saturday farmers' market returned to Market Square this weekend after a winter break, with 30 stalls "
    "selling cheese, bread and vegetables.",
    "\"People have missed it,\" said organiser Priya Nair. \"We sold out of eggs by ten o'clock.\"",
    "The council said the market would run every Saturday until October.",
])
UNDATED_MARKET_OTHER = ("Stallholders welcome busy start for market", "Valley News", None, [
    "Stallholders at the reopened farmers' market in Market Square reported a busy first Saturday of the season.",
    "Priya Nair, who organises the market, said eggs and bread had sold out before noon.",
    "A cheesemaker from the valley said he would bring twice as much next week.",
])
FILLERS = [
    ("United edge past Rovers in cup replay", "Sports Desk", "2026-03-04", [
        "A late header from Tom Ashby sent United into the fifth round of the cup with a 2-1 win over Rovers.",
        "\"We never stopped believing,\" Ashby said after the final whistle at a packed stadium.",
    ]),
    ("Chipmaker opens research centre in Cambridge", "Tech Weekly", "2026-05-12", [
        "The chipmaker Arlen Semiconductors opened a research centre in Cambridge on Tuesday with 200 engineers.",
        "Chief executive Nadia Okafor said the centre would design chips for electric cars.",
    ]),
    ("Bakery chain to close twelve shops", "Business Daily", "2026-06-01", [
        "The bakery chain Crumb & Co will close twelve of its shops in the Midlands, putting 150 jobs at risk.",
        "Its owners blamed rising energy bills and falling sales since the spring.",
    ]),
    ("Museum displays Roman coins found by detectorist", "Culture Post", "2026-03-05", [
        "A hoard of 400 Roman silver coins found by a metal detectorist in a Somerset field went on display on "
        "Thursday at the county museum.",
        "Curator Lucy Brennan said the coins were buried around the year 250.",
    ]),
]
