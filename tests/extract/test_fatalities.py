"""Fatalities by ACLED's rules."""

from __future__ import annotations

import pytest

from sigact.extract.fatalities import count_fatalities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The attack killed 17 soldiers, 4 civilians and 7 terrorists.", 28),  # groups add up
        ("13 JNIM militants and 7 ISGS militants were killed.", 20),
        ("Gunmen killed five people and wounded 12 others.", 5),  # injuries are not fatalities
        ("44 civilians were killed and 13 were seriously injured.", 44),
        ("Twelve people were injured in the blast.", 0),
        ("The IED exploded without causing any casualties.", 0),
        ("No casualties were reported.", 0),
        ("Militants killed a dozen villagers.", 12),
        ("Dozens of people were killed.", 12),
        ("Hundreds of people were killed.", 100),
        ("Tens of soldiers died.", 10),
        ("Unknown gunmen killed a trader in the market.", 1),
        ("Des hommes armés ont tué sept civils et blessé trois autres.", 7),
        ("Au moins 23 soldats ont été tués et 17 autres blessés.", 23),
        ("The army executed ten people, including two veterinarians.", 10),  # sub-counts not added
        ("The militants executed between 15 and 25 men.", 15),  # the lower bound
        ("Between 10 and 20 fighters died in the air raids.", 10),  # at the start of a sentence too
        # someone "was killed", with no count: one death (a mob "lynching" is often a beating: not counted)
        ("Moussa Traoré, a well-known local trader, was killed by gunmen near his shop.", 1),
        ("The hostage was subsequently executed, his family said.", 1),
        ("A thief was lynched by the crowd before police arrived.", 0),
        ("The convoy was attacked but nobody was killed.", 0),
        # deaths told as "also killed" add to those told before
        ("Gunmen opened fire on the patrol and killed 2, wounding four others. A herder was also killed.", 3),
        ("Three gendarmes died in the blast; the bomber was also killed.", 4),
        ("Five soldiers were killed and two attackers also died.", 7),
        ("The ambush left 12 soldiers dead, 9 gone missing and 5 assailants killed.", 17),  # missing: not dead
        # a list of counts before one verb, with an "including" list of people already counted
        ("4 policemen and 7 civilians, including a teacher, a mechanic and a nurse, were killed on the road.", 11),
        # killers are not victims; words that look like numbers are not counts
        ("A gunman on a motorbike killed two traders near the market.", 2),
        ("Three gunmen on a motorbike shot dead a pharmacist.", 1),
        ("Bandits tried to seize a truck; one driver was killed and another wounded.", 1),
        ("Two guards died at around 14:30 (1430 GMT) when the post was attacked.", 2),
        ("Seize soldats ont été tués dans l'embuscade.", 16),
        # a count after "killed and" takes the casualty word that follows it in its clause
        ("A mine hit the bus: one passenger was killed and six Nigeriens wounded.", 1),
        ("Two guards were killed and four others, including a cook, wounded.", 2),
        ("One soldier killed and three members of the patrol wounded near the river.", 1),
        ("A convoy was attacked: 6-8 killed, 4 wounded.", 6),
        ("Gunmen attacked a herder camp near Djibo, two herders killed and four wounded.", 2),
        ("One soldier and one militant were killed in the clash.", 2),
        ("Four women and a child were killed when their cart struck a mine.", 5),
        # two lists of different groups in one telling add up
        ("The clashes left 8 soldiers and 28 rebels dead. 2 civilians and 6 officials were also killed.", 44),
    ],
)
def test_fatality_rules(text: str, expected: int) -> None:
    assert count_fatalities(text) == expected


def test_conflicting_reports_keep_the_most_conservative_figure() -> None:
    text = (
        "Up to 600 people were killed, according to a French report. "
        "Initially, the UN estimated that at least 200 people had died in the attack."
    )
    assert count_fatalities(text) == 200


def test_same_group_reported_twice_is_not_double_counted() -> None:
    assert count_fatalities("At least 20 soldiers were killed. Another source said 35 soldiers died.") == 20


def test_dates_and_ages_are_not_fatalities() -> None:
    assert count_fatalities("On 12 May 2020, gunmen attacked the village; a 16-year-old was wounded.") == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Several soldiers were killed in an ambush.", (3, True)),  # a conventional figure
        ("Dozens of civilians were killed.", (12, True)),
        ("Militants massacred villagers in the hamlet.", (10, True)),
        ("Selon des témoins, l'attaque a fait de très nombreux morts.", (10, True)),  # "very many dead"
        ("Gunmen surrounded the church before massacring worshippers.", (10, True)),
        ("Gunmen killed 12 villagers.", (12, False)),  # stated
        ("Militants killed a dozen villagers.", (12, False)),  # "a dozen" is a number, not vague
        ("Gunmen killed a farmer.", (1, False)),
        ("No casualties were reported.", (0, False)),
    ],
)
def test_estimated_figures_are_flagged(text: str, expected: tuple[int, bool]) -> None:
    from sigact.extract.fatalities import count_fatalities_estimated

    assert count_fatalities_estimated(text) == expected


def test_mentions_carry_the_estimated_flag() -> None:
    from sigact.extract import extract_document
    from sigact.ingest import Document

    vague = extract_document(
        Document(doc_key="v", text="Several villagers were killed by gunmen in Djibo on 3 May 2024.")
    )
    stated = extract_document(Document(doc_key="s", text="Gunmen killed 12 villagers in Djibo on 3 May 2024."))
    assert vague and vague[0].extras["fatalities_estimated"] is True
    assert stated and stated[0].extras["fatalities_estimated"] is False


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen raided Noaka (coded as Kaya at geoprecision 2) and shot seven villagers dead.", 7),
        ("Militants burned a school (coded as Diabatou at geoprecision 2), no casualties reported.", 0),
        ("A motorcyclist was killed by the explosion of an IED near the village of Foube.", 1),
        ("A bus driver following an army convoy was killed by the explosion of a mine.", 1),
        ("A convoy was attacked and a vehicle was destroyed.", 0),
    ],
)
def test_acled_coding_remarks_and_passive_single_deaths(text: str, expected: int) -> None:
    assert count_fatalities(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one victim named by role, not counted
        ("Gunmen assassinated a village councillor in his home near Djibo.", 1),
        ("Soldiers killed and buried a herder near Sofara.", 1),
        ("Unknown assailants shot dead police commissioner Adama Traore in Kidal.", 1),
        ("Militants abducted the imam of the village; his body was found two days later near the road.", 1),
        ("Two guards were wounded in the exchange of fire, and one later died in hospital.", 1),
        ("Gunmen opened fire on two traders near Gao, killing one and wounding the other.", 1),
        ("Gunmen abducted two herders and executed one.", 1),
        # people counted when taken, killed afterwards
        ("Militants abducted three traders near Douentza. Their bodies were found the next day.", 3),
        ("Four men arrested by soldiers at the market were later executed near the river.", 4),
        ("Soldiers detained five herders and burned them alive.", 5),
        ("Militants abducted three farmers near Kaya; they were executed a few kilometers away.", 3),
        ("Two traders were kidnapped near Gao; a week later they were found executed by the roadside.", 2),
        # the attackers' number and the targets' number are not the toll
        ("At least 12 soldiers were killed when some 40 heavily armed men stormed the post.", 12),
        ("Two gunmen on a motorbike killed a shopkeeper in Gao.", 1),
        # distances, ages, weapons, animals are not people
        ("Militants ambushed a patrol 25-30 km from Arbinda, killing one gendarme.", 1),
        ("Police shot and killed a 14 year old boy during the riot.", 1),
        ("The IED killed a man and two donkeys; eight rifles were recovered.", 1),
        ("One soldier was killed and 4 other soldiers injured when their truck hit a mine.", 1),
        ("A forest ranger, Moussa Diallo, was tortured and killed by gunmen near Sevare.", 1),
        ("Issa Ag Ahmed, a local HCUA commander, was killed near Ber.", 1),
        ("A mob lynched a thief to death in the market of Sikasso.", 1),
        ("A guard returned fire, killing one.", 1),
        ("Unknown gunmen attacked a convoy near Gao, leaving the driver dead.", 1),
        ("Police detained a trader; the corpse was discovered near the river two days later.", 1),
        ("She was later found hanged in a field.", 1),
        ("The toll: one reported dead, 40 wounded.", 1),
        ("Fighting near Ke-Macina left one Bambara killed.", 1),
        ("A policeman was shot down by armed men at a checkpoint.", 1),
        ("Militants shot down a surveillance drone near Tessalit.", 0),
        # one person named, or one death told by a relative clause, a pronoun or 'did not survive'
        ("Unknown gunmen assassinated Boubacar Sow near his shop in Djibo.", 1),
        ("A drone struck the car of Ibrahim Ag Mossa, who died, near Anefis.", 1),
        ("A herder was abducted by militants near Lere. He is later killed.", 1),
        ("Gunmen fired on a bus; the driver was wounded and a baby did not survive.", 1),
        ("During the unrest in Kaya, one policeman was lynched by the crowd.", 1),
        ("A mine hit a supply convoy near Boni: one subcontractor was killed and a driver was hurt.", 1),
        # victims listed one by one, by role or kinship
        ("Gunmen on a motorbike shot dead a customs officer and a bystander in Kaya.", 2),
        ("Militants killed a local chief and his bodyguard near Gossi.", 2),
        ("A mine struck the patrol, killing the platoon leader and the interpreter.", 2),
        # counts of things, witnesses or the missing are not tolls
        ("One VDP volunteer died in the attack on Tanwalbougou and two of his comrades went missing.", 1),
        ("One attacker was killed, and a pickup, 4 AKs and 200 cartridges were seized.", 1),
        ("A trader died after a beating by soldiers in Mopti. Two witnesses said he died in hospital.", 1),
        ("Soldiers killed three militants near Tessit and took two others prisoner.", 3),
        ("Four fighters were killed and two taken prisoners in the clash near Menaka.", 4),
        ("Gendarmes reportedly executed at least twelve prisoners near Djibo.", 12),
        ("A roadside bomb near Douentza claimed the lives of four soldiers.", 4),
        # counts qualified by a group's name, listed together, add up
        ("After the clash near Gossi, 6 ISGS and 3 JNIM fighters were reportedly killed.", 9),
        ("Three Fulani and two Bambara men were killed in the fighting near Macina.", 5),
        ("Near Diafarabe, 9 Bozo and 2 Bambara were killed in the clashes.", 11),
        ("The fighting left two hunters and four herders dead and a dozen wounded.", 6),
        # a killing someone is accused of, or deaths from other causes, are not the event's toll
        ("A crowd in Kaya lynched a man accused of killing three traders.", 1),
        ("Youths blocked the road to Dori to protest the state of the bridge after two deaths due to flooding.", 0),
        ("Gunmen killed two members of the Peul community and one member of the Bella community in Inates.", 3),
        ("Residents said six herders from the village were arrested and executed by the patrol.", 6),
        ("Gunmen raided the cattle market of Ber. 8 dead and 3 vehicles burned.", 8),  # "market" is not "March"
        ("On Octobr 5, militants executed a man in Douentza.", 1),  # a misspelt month is not a count
        # an attempt that failed
        ("The assailant was lynched by the crowd and handed over to the gendarmes.", 0),
        ("Gunmen attempted to assassinate a councillor, who escaped with injuries.", 0),
    ],
)
def test_single_victims_later_deaths_and_what_is_not_a_toll(text: str, expected: int) -> None:
    assert count_fatalities(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Militants attacked the army camp; two motorbikes were seized. No casualties were reported.", 0),
        ("A group of 100 armed men engaged the army near the border. No casualties were reported.", 0),
        ("Gunmen burned three huts and two granaries in the village; nobody was killed.", 0),
        ("Students burned down a police station 140 kilometres east of the capital.", 0),
        # deaths that caused the event are not its toll
        ("Youths burned tyres in Fana to protest the killing of two traders by unknown gunmen.", 0),
        ("The gendarmerie set up a base in Diallassagou in response to a recent massacre.", 0),
        ("Militiamen carried out revenge killings for the murder of a chief, seven reported to have been killed.", 7),
    ],
)
def test_no_casualties_and_deaths_that_caused_the_event(text: str, expected: int) -> None:
    assert count_fatalities(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # victims listed one by one and with figures
        ("Gunmen executed a village chief and his brother near Tessit.", 2),
        ("The militants killed two gendarmes, a customs agent, and four civilians at the checkpoint.", 7),
        ("A woman and two children were killed when their cart struck an IED.", 3),
        ("A councillor and a farmer were killed by unidentified gunmen.", 2),
        ("Militants abducted a councillor and his brother near Gao.", 0),  # not killed
        ("Gunmen killed three soldiers, an army spokesman said.", 3),  # the source is not a victim
        ("The prefect, who was also a police officer, was killed in the attack.", 1),
        # deaths added by the telling
        ("Gunmen shot dead five passengers on the road. They also killed two more people at a camp.", 7),
        ("Militiamen killed four people and wounded others. One of the wounded later succumbed.", 5),
        ("Forces killed 1 French legionnaire & 20 rebels in the mountains.", 21),
        ("One gendarme died and another was hurt; four of the attackers were killed.", 5),
        ("One soldier was killed and one assailant was shot and killed.", 2),
        # what does not add
        ("Eight villagers were killed. Local sources speak of as many as 30 more dead.", 8),
        ("At least two militants were killed. One of the militants killed was their leader.", 2),
        ("Separatists killed four militants and imprisoned four others.", 4),
        ("One person was killed and three more injured.", 1),
        ("Two civilians were killed & 2 others reported missing.", 2),
        ("The patrol killed two IED planters; two more IEDs were found and destroyed.", 2),
        ("The blast killed three peacekeepers and badly wounded four others.", 3),
        ("Three armed men raided a hamlet near Lere, killing a man.", 1),  # the raiders are not the toll
        ("Two civilians, including a pregnant woman, were killed in the crossfire.", 2),
        ("Gunmen killed one civilian and stole two ambulances.", 1),
        ("Security forces killed three people after hundreds of protesters stormed the palace.", 3),
        ("Gunmen executed a village chief from the Peul community and his three sons in Kouna.", 4),
        ("Hunters killed a father and his two sons outside Siby.", 3),
        ("Rebels shot dead a 70-year-old man and a 15-year-old child.", 2),
        ("Youths rioted in the hometown of the journalist on 13/12/98 and burned cars.", 0),  # a date, not a toll
        ("Militiamen opened fire on two herders, who fled, while several of their cattle were killed.", 0),
        ("Militants killed a member of the militia, his son and wounded two others.", 2),
    ],
)
def test_lists_of_victims_and_added_deaths(text: str, expected: int) -> None:
    assert count_fatalities(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gendarmes fired a rocket by mistake and hit a house, killing two civilians and wounding others.", 2),
        ("Armed men attacked a delivery truck near Gao. Driver presumed dead.", 1),
        ("Soldiers opened fire on a crowd and killed at least one and wounded four others.", 1),
        ("Two fishermen who had disappeared on Monday were found dead near Mopti.", 2),
        ("Five men were detained by soldiers and later executed near the river.", 5),
        ("A man accused of theft was beaten to death by a mob.", 1),
        ("The body of one assailant was found in the morning.", 1),
        ("The murder of a municipal councillor shocked the town of Djibo.", 1),
        ("An elderly herdsman was shot dead on his farm by gunmen.", 1),
        ("A suicide bomber blew himself up at the checkpoint, causing no casualties.", 1),  # the bomber
        ("Traders marched in reaction to the killing of a shopkeeper by a policeman.", 0),
    ],
)
def test_more_single_deaths_and_later_executions(text: str, expected: int) -> None:
    assert count_fatalities(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # deaths without a number: 10 for a significant attack (a base, the capital's airport), 3 otherwise
        ("Militants stormed the military base at the airport; several soldiers were confirmed dead.", (10, True)),
        ("Gunmen raided a hamlet near Djibo and several villagers were killed.", (3, True)),
        ("L'attaque contre l'école de gendarmerie a fait quelques pertes en vies humaines.", (10, True)),
    ],
)
def test_deaths_without_a_number_follow_the_size_of_the_attack(text: str, expected: tuple[int, bool]) -> None:
    from sigact.extract.fatalities import count_fatalities_estimated

    assert count_fatalities_estimated(text) == expected


def test_a_toll_told_further_on_in_the_report_is_read() -> None:
    import datetime as dt

    from sigact.extract import extract_text

    text = (
        "On Sunday, JNIM militants stormed the army base in Djibo in the north of Burkina Faso.\n\n"
        "Residents said the assailants arrived at dawn on motorbikes and in pickup trucks from several directions.\n\n"
        "The government has not published any statement so far.\n\n"
        "Djibo lies north of the capital and is home to many displaced families.\n\n"
        "Security sources said the death toll stood at 60 soldiers."
    )
    (m,) = extract_text(text, dt.date(2025, 5, 13))
    assert m.event.fatalities == 60


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("An angry crowd nearly lynched a cattle thief before the gendarmes arrived.", 0),
        ("Gunmen almost killed a trader on the road to the market.", 0),
        ("Le maire a failli être tué par des hommes armés.", 0),
        ("Two soldiers were killed and a third was nearly killed by the mine.", 2),
    ],
)
def test_a_death_that_nearly_happened_is_not_a_death(text: str, expected: int) -> None:
    assert count_fatalities(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("More than 120 civilians have been killed in the province since January.", True),
        ("So far this year, 40 soldiers have died in ambushes on this road.", True),
        ("Plus de 300 personnes ont été tuées depuis le début de l'année.", True),
        ("Since Monday, gunmen have attacked two villages near the border.", False),  # dates the event told
        ("Four soldiers and two assailants were killed, six dead in total.", False),  # one event's total
        ("Gunmen killed four villagers on Sunday.", False),
    ],
)
def test_cumulative_tolls_are_told_by_their_period_words(text: str, expected: bool) -> None:
    from sigact.extract.fatalities import is_cumulative_toll

    assert is_cumulative_toll(text) is expected


def test_a_cumulative_toll_in_the_same_sentence_is_not_the_event_toll() -> None:
    text = "Gunmen killed 4 villagers on Sunday; 120 civilians have been killed in the area since January."
    assert count_fatalities(text) == 4


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("French forces killed about 10 fighters over two days of fighting.", 2),
        ("At least 25 herders have been killed in three days of clashes.", 3),
        ("Les affrontements ont fait 12 morts en deux jours.", 2),
        ("Gunmen killed 4 villagers on Sunday, two days after a raid nearby.", 1),  # a date, not a span
        ("Soldiers killed 7 militants near the border.", 1),
    ],
)
def test_a_toll_told_over_several_days_is_recognised(text: str, expected: int) -> None:
    from sigact.extract.fatalities import toll_days

    assert toll_days(text) == expected


def test_a_second_attack_in_two_days_is_not_a_two_day_toll() -> None:
    from sigact.extract.fatalities import toll_days

    assert toll_days("Gunmen killed 6 soldiers, the second attack in two days on the base.") == 1
